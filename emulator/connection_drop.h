#pragma once
// Closing a request's connection from inside a cpp-httplib handler, which is never handed its
// socket: find the accepted socket whose local and peer ports are the request's, and
// shutdown() it. cpp-httplib's later write of the answer then fails, it closes the socket, and
// the client sees the connection end with no response bytes.

#include <string>

namespace emulator {

/// Shuts down the loopback TCP socket of this process whose local port is localPort and whose
/// peer is remoteAddr:remotePort. Returns false when no such socket is open.
bool dropConnection(int localPort, const std::string& remoteAddr, int remotePort);

}  // namespace emulator

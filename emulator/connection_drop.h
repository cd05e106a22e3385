#pragma once
// Closing a request's connection from inside a cpp-httplib handler, which is never handed its
// socket: find the accepted socket whose local and peer ports are the request's, and
// shutdown() it. cpp-httplib's later write of the answer then fails, it closes the socket, and
// the client sees the connection end with no response bytes. Finding and closing are two
// steps so that the caller can log the request in between: a client that sees the drop and
// then reads the request log finds the dropped write there.

#include <string>

namespace emulator {

/// The loopback TCP socket of this process whose local port is localPort and whose peer is
/// remoteAddr:remotePort, or -1 when no such socket is open.
int connectionSocket(int localPort, const std::string& remoteAddr, int remotePort);

/// Ends the connection: no byte more is sent or read on it.
void dropConnection(int socket);

}  // namespace emulator

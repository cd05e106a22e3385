// Placeholder until the emulator lands (issue 3): refuses to run.
#include <cstdio>
int main() {
  std::fprintf(stderr, "pingone-emulator: not built yet\n");
  return 1;
}

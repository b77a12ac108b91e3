#include "tools/sqlgate/app.h"

int main(int argc, char** argv) {
  return sqlgate::cli::main(argc, argv);
}

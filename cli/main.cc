#include "cli.h"

int main(int argc, char** argv) { return storylint::cli::run(argc, argv); }

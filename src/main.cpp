#include "cli/app.h"

int main(int argc, char** argv) {
    return calmlegs::cli::run(argc, argv);
}

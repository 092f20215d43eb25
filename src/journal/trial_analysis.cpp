// The analysis of a trial (journal/trial.h): analyse_trial.

#include "journal/trial.h"

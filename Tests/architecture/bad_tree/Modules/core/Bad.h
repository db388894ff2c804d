#pragma once
#include "engine/MixEngine.h"

#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>
#include <vector>

namespace sprocket::app
{
/** The insert slot's menu of processor types: every built-in of dsp::ProcessorRegistry, grouped
    as a mixer groups them (EQ/Filter, Dynamics, Reverb/Delay, Restoration, Utility; a type no
    group names goes under Other). Item ids are 1 + the type's index in typeNames(). */
struct InsertMenu
{
    struct Group
    {
        std::string name;
        std::vector<std::string> types;
    };

    static std::vector<Group> groups();
    static juce::PopupMenu build();
    /** The type an item id stands for; empty when it stands for none. */
    static std::string typeFor (int itemId);
    static int itemIdFor (const std::string& type);
};
} // namespace sprocket::app

#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

namespace sprocket::app
{
/** How Sprocket opens a dialog: a DialogWindow with the native title bar, in the app's
    colours, centred on `centreAround`, owning `content` and deleting it when it closes.
    [[message thread]] */
struct DialogOptions
{
    bool resizable = false;
    bool escapeCloses = true; // false where escape must not stop work (a running delivery)
};
void launchDialog (std::unique_ptr<juce::Component> content, const juce::String& title, juce::Component* centreAround,
                   DialogOptions options = {});

/** Closes the dialog window `content` sits in; nothing when it sits in none (tests build
    dialogs bare). */
void closeDialogOf (juce::Component& content);
} // namespace sprocket::app

#include "DialogLaunch.h"

#include "Theme.h"

namespace sprocket::app
{
void launchDialog (std::unique_ptr<juce::Component> content, const juce::String& title, juce::Component* centreAround,
                   DialogOptions style)
{
    juce::DialogWindow::LaunchOptions options;
    options.content.setOwned (content.release());
    options.dialogTitle = title;
    options.dialogBackgroundColour = theme::windowBackground;
    options.componentToCentreAround = centreAround;
    options.escapeKeyTriggersCloseButton = style.escapeCloses;
    options.useNativeTitleBar = true;
    options.resizable = style.resizable;
    options.launchAsync();
}

void closeDialogOf (juce::Component& content)
{
    if (auto* window = content.findParentComponentOfClass<juce::DialogWindow>())
        window->exitModalState (0);
}
} // namespace sprocket::app

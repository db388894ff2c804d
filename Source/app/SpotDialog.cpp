#include "SpotDialog.h"

#include "Theme.h"

namespace sprocket::app
{
namespace
{
    constexpr int rowHeight = 26;
    constexpr int margin = 12;
} // namespace

SpotDialog::SpotDialog (const juce::String& clipName, const juce::String& startText)
{
    prompt.setText ("Start timecode for \"" + clipName + "\". Original Time puts it where it was recorded.",
                    juce::dontSendNotification);
    prompt.setMinimumHorizontalScale (1.0f);
    prompt.setJustificationType (juce::Justification::topLeft);
    startLabel.setColour (juce::Label::textColourId, theme::textSecondary);
    problem.setColour (juce::Label::textColourId, theme::warning);
    start.setText (startText);
    start.selectAll();
    for (auto* c : std::initializer_list<juce::Component*> { &prompt, &startLabel, &start, &problem, &ok, &original, &cancel })
        addAndMakeVisible (*c);
    ok.addShortcut (juce::KeyPress (juce::KeyPress::returnKey));
    start.onReturnKey = [this] { spotPressed(); };
    ok.onClick = [this] { spotPressed(); };
    original.onClick = [this] {
        if (onOriginalTime)
            answered (onOriginalTime());
    };
    cancel.onClick = [this] {
        if (onCancel)
            onCancel();
    };
    setSize (420, margin * 2 + 44 + 3 * (rowHeight + 6) + 4);
}

void SpotDialog::spotPressed()
{
    if (onSpot)
        answered (onSpot (start.getText().trim()));
}

void SpotDialog::answered (const juce::String& problemText)
{
    problem.setText (problemText, juce::dontSendNotification);
}

void SpotDialog::parentHierarchyChanged()
{
    if (getParentComponent() == nullptr)
        return;
    juce::MessageManager::callAsync ([safe = juce::Component::SafePointer<SpotDialog> (this)] {
        if (safe != nullptr && safe->isShowing())
            safe->start.grabKeyboardFocus();
    });
}

void SpotDialog::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
}

void SpotDialog::resized()
{
    auto area = getLocalBounds().reduced (margin);
    prompt.setBounds (area.removeFromTop (44));
    auto row = area.removeFromTop (rowHeight);
    startLabel.setBounds (row.removeFromLeft (64));
    start.setBounds (row.removeFromLeft (140));
    area.removeFromTop (6);
    problem.setBounds (area.removeFromTop (rowHeight));
    auto buttons = area.removeFromBottom (28);
    cancel.setBounds (buttons.removeFromRight (80));
    buttons.removeFromRight (8);
    original.setBounds (buttons.removeFromRight (110));
    buttons.removeFromRight (8);
    ok.setBounds (buttons.removeFromRight (80));
}
} // namespace sprocket::app

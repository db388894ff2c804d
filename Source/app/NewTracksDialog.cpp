#include "NewTracksDialog.h"

#include "Theme.h"

namespace sprocket::app
{
namespace
{
    constexpr int formatChannels[] = { 1, 2, 6, 8 };
    constexpr int rowHeight = 26;
    constexpr int labelWidth = 64;
    constexpr int margin = 12;
    const char* const trackName = "Audio";
    const char* const busName = "Bus";
} // namespace

NewTracksDialog::NewTracksDialog (std::vector<std::pair<std::string, std::string>> busOutputs) : outputs (std::move (busOutputs))
{
    count.setText ("1");
    count.setInputRestrictions (4, "0123456789");
    name.setText (trackName);
    format.addItemList ({ "Mono", "Stereo", "5.1", "7.1" }, 1);
    format.setSelectedItemIndex (0);
    kind.addItemList ({ "Audio Track", "Bus (stem or aux return)" }, 1);
    kind.setSelectedItemIndex (0);
    kind.onChange = [this] {
        if (name.getText() == trackName || name.getText() == busName)
            name.setText (kind.getSelectedItemIndex() == 1 ? busName : trackName);
    };
    output.addItem ("Master", 1);
    for (size_t i = 0; i < outputs.size(); ++i)
        output.addItem (juce::String::fromUTF8 (outputs[i].second.c_str()), int (i) + 2);
    output.setSelectedItemIndex (0);
    for (auto* label : { &countLabel, &formatLabel, &kindLabel, &nameLabel, &outputLabel })
    {
        label->setColour (juce::Label::textColourId, theme::textSecondary);
        addAndMakeVisible (*label);
    }
    problem.setColour (juce::Label::textColourId, theme::warning);
    addAndMakeVisible (problem);
    for (auto* c : std::initializer_list<juce::Component*> { &count, &format, &kind, &name, &output, &create, &cancel })
        addAndMakeVisible (*c);
    create.onClick = [this] { createPressed(); };
    create.addShortcut (juce::KeyPress (juce::KeyPress::returnKey));
    // A focused text field takes return for itself: there, too, it means Create.
    for (auto* field : { &count, &name })
        field->onReturnKey = [this] { createPressed(); };
    cancel.onClick = [this] {
        if (onCancel)
            onCancel();
    };
    setSize (360, margin * 2 + 6 * (rowHeight + 6) + 30);
}

NewTracksDialog::Request NewTracksDialog::request() const
{
    Request r;
    const auto number = count.getText().trim();
    if (number.isEmpty() || ! number.containsOnly ("0123456789") || number.getIntValue() < 1
        || number.getIntValue() > session::maxNewStrips)
        r.problem = "Number: '" + number + "' is not a whole number from 1 to " + juce::String (session::maxNewStrips) + ".";
    r.strips.count = number.getIntValue();
    r.strips.channels = formatChannels[std::clamp (format.getSelectedItemIndex(), 0, 3)];
    r.strips.name = name.getText().toStdString();
    if (r.problem.isEmpty() && name.getText().trim().isEmpty())
        r.problem = "Name: the new strips need a name.";
    const int chosen = output.getSelectedItemIndex();
    r.strips.output = chosen >= 1 && size_t (chosen) <= outputs.size() ? outputs[size_t (chosen - 1)].first
                                                                       : std::string (session::masterOutputId);
    r.buses = kind.getSelectedItemIndex() == 1;
    return r;
}

void NewTracksDialog::createPressed()
{
    auto r = request();
    if (r.problem.isEmpty() && onCreate)
        r.problem = onCreate (r.strips, r.buses);
    problem.setText (r.problem, juce::dontSendNotification);
}

void NewTracksDialog::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
}

void NewTracksDialog::resized()
{
    auto area = getLocalBounds().reduced (margin);
    for (auto [label, field] : { std::pair<juce::Label*, juce::Component*> { &countLabel, &count },
                                 { &formatLabel, &format },
                                 { &kindLabel, &kind },
                                 { &nameLabel, &name },
                                 { &outputLabel, &output } })
    {
        auto row = area.removeFromTop (rowHeight);
        label->setBounds (row.removeFromLeft (labelWidth));
        field->setBounds (field == &count ? row.removeFromLeft (60) : row);
        area.removeFromTop (6);
    }
    problem.setBounds (area.removeFromTop (rowHeight));
    auto buttons = area.removeFromBottom (28);
    cancel.setBounds (buttons.removeFromRight (90));
    buttons.removeFromRight (8);
    create.setBounds (buttons.removeFromRight (90));
}
} // namespace sprocket::app

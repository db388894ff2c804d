#include "NewSessionDialog.h"

#include "Theme.h"

#include <algorithm>

namespace sprocket::app
{
namespace
{
    constexpr int masterChannels[] = { 2, 6, 8 };
    constexpr int rowHeight = 26;
    constexpr int labelWidth = 84;
    constexpr int margin = 12;

    /** "29.97 DF" for the stored "29.97df", as Pro Tools' Session Setup lists it. */
    juce::String frameRateText (core::FrameRate rate)
    {
        juce::String text (std::string (core::frameRateName (rate)));
        return text.endsWith ("df") ? text.dropLastCharacters (2) + " DF" : text;
    }

    juce::String kilohertz (int64_t rate)
    {
        return juce::String (double (rate) / 1000.0, rate % 1000 == 0 ? 0 : 1) + " kHz";
    }
} // namespace

NewSessionDialog::NewSessionDialog (const session::NewSessionSettings& defaults, const std::filesystem::path& parent)
{
    name.setText (juce::String::fromUTF8 (defaults.name.c_str()));
    folder.setText (juce::String (parent.string()));
    start.setText (juce::String (core::formatTimecode (defaults.startTimecode, defaults.frameRate)));
    for (size_t i = 0; i < session::newSessionSampleRates.size(); ++i)
        sampleRate.addItem (kilohertz (session::newSessionSampleRates[i]), int (i) + 1);
    const auto rateAt =
        std::find (session::newSessionSampleRates.begin(), session::newSessionSampleRates.end(), defaults.sampleRate);
    sampleRate.setSelectedItemIndex (
        rateAt == session::newSessionSampleRates.end() ? 1 : int (rateAt - session::newSessionSampleRates.begin()));
    for (size_t i = 0; i < core::allFrameRates.size(); ++i)
    {
        frameRate.addItem (frameRateText (core::allFrameRates[i]), int (i) + 1);
        if (core::allFrameRates[i] == defaults.frameRate)
            frameRate.setSelectedItemIndex (int (i));
    }
    master.addItemList ({ "Stereo", "5.1", "7.1" }, 1);
    master.setSelectedItemIndex (int (std::find (std::begin (masterChannels), std::end (masterChannels), defaults.masterChannels)
                                      - std::begin (masterChannels))
                                 % 3);
    stems.setToggleState (defaults.filmStems, juce::dontSendNotification);

    for (auto* label : { &nameLabel, &folderLabel, &sampleRateLabel, &frameRateLabel, &startLabel, &masterLabel })
    {
        label->setColour (juce::Label::textColourId, theme::textSecondary);
        addAndMakeVisible (*label);
    }
    problem.setColour (juce::Label::textColourId, theme::warning);
    addAndMakeVisible (problem);
    for (auto* c : std::initializer_list<juce::Component*> { &name, &folder, &choose, &sampleRate, &frameRate, &start, &master,
                                                             &stems, &create, &cancel })
        addAndMakeVisible (*c);
    name.onTextChange = [this] { repaint(); };
    folder.onTextChange = [this] { repaint(); };
    choose.onClick = [this] { chooseFolder(); };
    create.onClick = [this] { createPressed(); };
    create.addShortcut (juce::KeyPress (juce::KeyPress::returnKey));
    // A focused text field takes return for itself: there, too, it means Create.
    for (auto* field : { &name, &folder, &start })
        field->onReturnKey = [this] { createPressed(); };
    cancel.onClick = [this] {
        if (onCancel)
            onCancel();
    };
    setSize (520, margin * 2 + 9 * (rowHeight + 6) + 30);
}

NewSessionDialog::~NewSessionDialog() = default;

NewSessionDialog::Request NewSessionDialog::request() const
{
    Request r;
    r.settings.name = name.getText().trim().toStdString();
    r.settings.sampleRate = session::newSessionSampleRates[size_t (std::clamp (sampleRate.getSelectedItemIndex(), 0, 5))];
    r.settings.frameRate =
        core::allFrameRates[size_t (std::clamp (frameRate.getSelectedItemIndex(), 0, int (core::allFrameRates.size()) - 1))];
    r.settings.masterChannels = masterChannels[std::clamp (master.getSelectedItemIndex(), 0, 2)];
    r.settings.filmStems = stems.getToggleState();
    r.folder = folder.getText().trim().toStdString();

    auto startAt = core::parseTimecode (start.getText().trim().toStdString(), r.settings.frameRate);
    if (startAt.ok())
        r.settings.startTimecode = *startAt;
    if (auto named = session::checkSessionName (r.settings.name); ! named.ok())
        r.problem = "Name: " + juce::String::fromUTF8 (named.error().message.substr (6).c_str());
    else if (r.folder.empty() || ! r.folder.is_absolute())
        r.problem = "Folder: choose the folder the session's own folder goes in (a full path).";
    else if (! startAt.ok())
        r.problem = "Start: " + juce::String::fromUTF8 (startAt.error().message.c_str());
    return r;
}

void NewSessionDialog::createPressed()
{
    auto r = request();
    if (r.problem.isEmpty() && onCreate)
        r.problem = onCreate (r);
    problem.setText (r.problem, juce::dontSendNotification);
}

void NewSessionDialog::chooseFolder()
{
    chooser = std::make_unique<juce::FileChooser> ("The folder to make the session in", juce::File (folder.getText().trim()));
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectDirectories,
                          [safe = juce::Component::SafePointer<NewSessionDialog> (this)] (const juce::FileChooser& fc) {
                              if (safe != nullptr && fc.getResult() != juce::File())
                                  safe->folder.setText (fc.getResult().getFullPathName());
                          });
}

juce::String NewSessionDialog::getDestination() const
{
    const auto trimmedName = name.getText().trim();
    const auto parent = folder.getText().trim();
    if (trimmedName.isEmpty() || parent.isEmpty())
        return {};
    return "Saves as " + juce::String (session::newSessionFile (parent.toStdString(), trimmedName.toStdString()).string());
}

void NewSessionDialog::visibilityChanged()
{
    // Typing a name is the first thing to do, as in Pro Tools. Asynchronously: the window is
    // not on screen yet when its content becomes visible.
    if (isShowing())
        juce::MessageManager::callAsync ([safe = juce::Component::SafePointer<NewSessionDialog> (this)] {
            if (safe != nullptr && safe->isShowing())
            {
                safe->name.grabKeyboardFocus();
                safe->name.selectAll();
            }
        });
}

void NewSessionDialog::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
    g.setColour (theme::textSecondary);
    g.setFont (13.0f);
    g.drawFittedText (getDestination(), destinationArea, juce::Justification::centredLeft, 1, 0.5f);
}

void NewSessionDialog::resized()
{
    auto area = getLocalBounds().reduced (margin);
    for (auto [label, field] : { std::pair<juce::Label*, juce::Component*> { &nameLabel, &name },
                                 { &folderLabel, &folder },
                                 { &sampleRateLabel, &sampleRate },
                                 { &frameRateLabel, &frameRate },
                                 { &startLabel, &start },
                                 { &masterLabel, &master } })
    {
        auto row = area.removeFromTop (rowHeight);
        label->setBounds (row.removeFromLeft (labelWidth));
        if (field == &folder)
        {
            choose.setBounds (row.removeFromRight (84));
            row.removeFromRight (6);
        }
        field->setBounds (
            field == &sampleRate || field == &frameRate || field == &start || field == &master ? row.removeFromLeft (140) : row);
        area.removeFromTop (6);
    }
    stems.setBounds (area.removeFromTop (rowHeight).withTrimmedLeft (labelWidth));
    area.removeFromTop (6);
    destinationArea = area.removeFromTop (rowHeight);
    problem.setBounds (area.removeFromTop (rowHeight));
    auto buttons = area.removeFromBottom (28);
    cancel.setBounds (buttons.removeFromRight (90));
    buttons.removeFromRight (8);
    create.setBounds (buttons.removeFromRight (90));
}
} // namespace sprocket::app

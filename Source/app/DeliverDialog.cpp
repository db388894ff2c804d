#include "DeliverDialog.h"
#include "DialogLaunch.h"

#include "Theme.h"

#include "engine/DeliverySpec.h"

#include <cmath>
#include <unistd.h>

namespace sprocket::app
{
namespace
{
    constexpr int margin = 16;
    constexpr int rowHeight = 28;
    constexpr int gap = 8;
    constexpr int captionWidth = 64;
    constexpr int statusWidth = 130; // "Delivering... 100%"
    constexpr int pollHz = 20;       // smooth enough for a bar that moves over seconds

    const juce::Colour passColour { 0xff6fcf7a };
    const juce::Colour barColour { 0xff4f8fd8 };

    juce::String utf8 (const std::string& text)
    {
        return juce::String::fromUTF8 (text.c_str());
    }

    juce::String loudnessText (const engine::DeliveredFile& file)
    {
        const auto& l = file.loudness;
        if (! std::isfinite (l.integratedLufs))
            return "silent";
        return juce::String (l.integratedLufs, 1) + " LUFS   " + juce::String (l.truePeakDbtp, 1) + " dBTP";
    }

    juce::String verdictOf (const engine::DeliveredFile& file)
    {
        return file.passed ? "pass" : "FAIL";
    }

    void styleLabel (juce::Label& label, juce::Colour colour, juce::Font font)
    {
        label.setColour (juce::Label::textColourId, colour);
        label.setFont (font);
        label.setMinimumHorizontalScale (1.0f);
    }
} // namespace

DeliverDialog::DeliverDialog (session::Session s) : session (std::move (s)), outputFolder (defaultOutputFolder (session))
{
    title.setText ("Deliver \"" + utf8 (session.name) + "\"", juce::dontSendNotification);
    styleLabel (title, theme::textPrimary, theme::uiFont (18.0f, true));
    specCaption.setText ("Spec", juce::dontSendNotification);
    folderCaption.setText ("Output", juce::dontSendNotification);
    for (auto* caption : { &specCaption, &folderCaption })
        styleLabel (*caption, theme::textSecondary, theme::uiFont (14.0f));
    for (auto* text : { &specText, &folderText, &statusText })
        styleLabel (*text, theme::textPrimary, theme::uiFont (14.0f));
    specText.setMinimumHorizontalScale (0.7f);
    folderText.setMinimumHorizontalScale (0.7f);
    statusText.setJustificationType (juce::Justification::centredLeft);
    styleLabel (messageText, theme::textPrimary, theme::uiFont (14.0f));
    messageText.setJustificationType (juce::Justification::topLeft);

    results.setRowHeight (22);
    results.setColour (juce::ListBox::backgroundColourId, theme::laneBackground);
    results.setColour (juce::ListBox::outlineColourId, theme::laneSeparator);
    results.setOutlineThickness (1);

    storedSpecButton.onClick = [this] { useStoredSpec(); };
    specFileButton.onClick = [this] { chooseSpecFile(); };
    folderButton.onClick = [this] { chooseOutputFolder(); };
    deliverButton.onClick = [this] { deliver(); };
    cancelButton.onClick = [this] { cancel(); };
    closeButton.onClick = [this] { closeDialogOf (*this); };

    for (juce::Component* child : std::initializer_list<juce::Component*> {
             &title, &specCaption, &specText, &storedSpecButton, &specFileButton, &folderCaption, &folderText, &folderButton,
             &statusText, &results, &messageText, &deliverButton, &cancelButton, &closeButton })
        addAndMakeVisible (child);

    updateControls();
    setSize (680, 420);
}

DeliverDialog::~DeliverDialog() = default; // the job cancels and waits for its thread

juce::File DeliverDialog::defaultOutputFolder (const session::Session& s)
{
    const auto base = s.filePath.empty() ? juce::File::getSpecialLocation (juce::File::userDocumentsDirectory)
                                         : juce::File (utf8 (s.filePath.parent_path().string()));
    return base.getChildFile ("Deliveries").getChildFile (juce::File::createLegalFileName (utf8 (s.name)));
}

void DeliverDialog::useStoredSpec()
{
    specFile = juce::File();
    updateControls();
}

void DeliverDialog::useSpecFile (const juce::File& file)
{
    specFile = file;
    updateControls();
}

void DeliverDialog::setOutputFolder (const juce::File& folder)
{
    outputFolder = folder;
    updateControls();
}

void DeliverDialog::chooseSpecFile()
{
    chooser = std::make_unique<juce::FileChooser> ("Choose a delivery spec", outputFolder.getParentDirectory(), "*.json");
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this] (const juce::FileChooser& c) {
                              if (c.getResult() != juce::File())
                                  useSpecFile (c.getResult());
                          });
}

void DeliverDialog::chooseOutputFolder()
{
    chooser = std::make_unique<juce::FileChooser> ("Choose the output folder", outputFolder);
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectDirectories,
                          [this] (const juce::FileChooser& c) {
                              if (c.getResult() != juce::File())
                                  setOutputFolder (c.getResult());
                          });
}

void DeliverDialog::deliver()
{
    if (state == State::running)
        return;

    std::optional<engine::DeliverySpec> spec;
    if (specFile != juce::File())
    {
        auto loaded = engine::loadDeliverySpec (specFile.getFullPathName().toStdString());
        if (! loaded)
            return showProblem (utf8 (loaded.error().message));
        spec = *loaded;
    }
    else
    {
        session::Problems problems;
        spec = engine::sessionDeliverySpec (session, problems);
        if (! problems.empty())
        {
            juce::String text = "The session's delivery spec has problems:";
            for (auto& problem : problems)
                text << "\n" << utf8 (problem.toString());
            return showProblem (text);
        }
        if (! spec)
            return showProblem ("This session has no delivery spec: choose a spec file (docs/DELIVERY.md), "
                                "or store one in the session's \"delivery\" field.");
    }

    const std::filesystem::path folder = outputFolder.getFullPathName().toStdString();
    std::error_code error;
    std::filesystem::create_directories (folder, error);
    if (error || ! std::filesystem::is_directory (folder))
        return showProblem ("Cannot create the output folder " + outputFolder.getFullPathName() + ": "
                            + utf8 (error ? error.message() : "a file has that name"));
    if (::access (folder.c_str(), W_OK) != 0)
        return showProblem ("Cannot write to the output folder " + outputFolder.getFullPathName() + ".");

    files.clear();
    results.updateContent();
    message.clear();
    progress = 0.0;
    state = State::running;
    job = std::make_unique<DeliveryJob> (session, *spec, folder, onWorkerProgress);
    startTimerHz (pollHz);
    updateControls();
}

void DeliverDialog::cancel()
{
    if (state != State::running || job == nullptr)
        return;
    job->cancel();
    statusText.setText ("Cancelling...", juce::dontSendNotification);
    cancelButton.setEnabled (false);
}

void DeliverDialog::poll()
{
    if (job == nullptr)
        return;
    progress = job->progress();
    if (job->isFinished())
        finish();
    else if (! job->wasCancelled())
        statusText.setText ("Delivering... " + juce::String (juce::roundToInt (progress * 100.0)) + "%",
                            juce::dontSendNotification);
    repaint (progressArea());
}

void DeliverDialog::finish()
{
    stopTimer();
    const auto& outcome = job->outcome();
    if (! outcome)
    {
        state = State::failed;
        messageIsBad = true;
        message = job->wasCancelled() ? juce::String ("Cancelled: no file was left under its final name.")
                                      : utf8 (outcome.error().message);
    }
    else
    {
        state = State::delivered;
        progress = 1.0;
        files = outcome->files;
        const auto failed = std::count_if (files.begin(), files.end(), [] (auto& f) { return ! f.passed; });
        messageIsBad = failed > 0;
        message = failed == 0 ? "All " + juce::String (files.size()) + " files passed."
                              : juce::String (failed) + " of " + juce::String (files.size()) + " files FAILED.";
        for (auto& file : files)
            if (! file.passed)
                message << "\n" << utf8 (file.path.filename().string()) << ": " << utf8 (file.problem);
        message << "\nChecksums and manifest in " << utf8 (outcome->manifest.parent_path().string());
    }
    job.reset();
    results.updateContent();
    updateControls();
}

void DeliverDialog::showProblem (const juce::String& text)
{
    state = State::ready;
    message = text;
    messageIsBad = true;
    updateControls();
}

juce::StringArray DeliverDialog::getResultLines() const
{
    juce::StringArray lines;
    for (auto& file : files)
        lines.add (verdictOf (file) + "  " + utf8 (file.path.filename().string()) + "  " + loudnessText (file));
    return lines;
}

void DeliverDialog::updateControls()
{
    const bool running = state == State::running;
    const bool hasStored = session.delivery.is_object();
    if (specFile != juce::File())
        specText.setText (specFile.getFullPathName(), juce::dontSendNotification);
    else if (hasStored)
        specText.setText ("Stored in the session: " + utf8 (session.delivery.value ("name", std::string ("Delivery"))),
                          juce::dontSendNotification);
    else
        specText.setText ("None stored in the session: choose a spec file", juce::dontSendNotification);
    folderText.setText (outputFolder.getFullPathName(), juce::dontSendNotification);
    folderText.setTooltip (outputFolder.getFullPathName());
    specText.setTooltip (specText.getText());

    storedSpecButton.setEnabled (! running && hasStored && specFile != juce::File());
    specFileButton.setEnabled (! running);
    folderButton.setEnabled (! running);
    deliverButton.setEnabled (! running);
    cancelButton.setEnabled (running);
    closeButton.setEnabled (! running);

    if (! running)
        statusText.setText (state == State::delivered ? "Done"
                            : state == State::failed  ? "Stopped"
                                                      : "",
                            juce::dontSendNotification);
    messageText.setText (message, juce::dontSendNotification);
    messageText.setColour (juce::Label::textColourId, messageIsBad ? theme::warning : passColour);
    repaint();
}

int DeliverDialog::getNumRows()
{
    return int (files.size());
}

void DeliverDialog::paintListBoxItem (int row, juce::Graphics& g, int width, int height, bool)
{
    if (row < 0 || row >= int (files.size()))
        return;
    const auto& file = files[size_t (row)];
    if (row % 2 == 1)
        g.fillAll (theme::laneBackgroundAlt);
    auto area = juce::Rectangle<int> (width, height).reduced (8, 0);
    g.setFont (theme::uiFont (14.0f, true));
    g.setColour (file.passed ? passColour : theme::warning);
    g.drawText (verdictOf (file), area.removeFromLeft (48), juce::Justification::centredLeft);
    g.setFont (theme::monoFont (13.0f));
    g.setColour (theme::textSecondary);
    g.drawText (loudnessText (file), area.removeFromRight (190), juce::Justification::centredRight);
    g.setColour (theme::textPrimary);
    g.drawFittedText (utf8 (file.path.filename().string()), area, juce::Justification::centredLeft, 1, 0.8f);
}

juce::Rectangle<int> DeliverDialog::progressArea() const
{
    return { margin, margin + rowHeight * 3 + gap * 2 + 12, getWidth() - 2 * margin - statusWidth - gap, 14 };
}

void DeliverDialog::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
    const auto bar = progressArea().toFloat();
    g.setColour (theme::laneBackground);
    g.fillRoundedRectangle (bar, 4.0f);
    const auto filled = bar.withWidth (bar.getWidth() * float (std::clamp (progress, 0.0, 1.0)));
    g.setColour (state == State::failed                      ? theme::warning
                 : state == State::delivered && messageIsBad ? theme::warning
                 : state == State::delivered                 ? passColour
                                                             : barColour);
    if (filled.getWidth() > 0.0f)
        g.fillRoundedRectangle (filled, 4.0f);
}

void DeliverDialog::resized()
{
    auto area = getLocalBounds().reduced (margin);
    title.setBounds (area.removeFromTop (rowHeight));
    area.removeFromTop (gap);

    auto specRow = area.removeFromTop (rowHeight);
    specCaption.setBounds (specRow.removeFromLeft (captionWidth));
    specFileButton.setBounds (specRow.removeFromRight (150));
    specRow.removeFromRight (gap);
    storedSpecButton.setBounds (specRow.removeFromRight (120));
    specRow.removeFromRight (gap);
    specText.setBounds (specRow);
    area.removeFromTop (gap);

    auto folderRow = area.removeFromTop (rowHeight);
    folderCaption.setBounds (folderRow.removeFromLeft (captionWidth));
    folderButton.setBounds (folderRow.removeFromRight (150));
    folderRow.removeFromRight (gap);
    folderText.setBounds (folderRow);

    const auto bar = progressArea();
    statusText.setBounds (bar.getRight() + gap, bar.getCentreY() - 10, statusWidth, 20);
    area.removeFromTop (bar.getBottom() - area.getY() + 12);

    auto buttons = area.removeFromBottom (30);
    for (auto* button : { &closeButton, &cancelButton, &deliverButton })
    {
        button->setBounds (buttons.removeFromRight (96));
        buttons.removeFromRight (gap);
    }
    area.removeFromBottom (gap);
    messageText.setBounds (area.removeFromBottom (60));
    area.removeFromBottom (gap);
    results.setBounds (area);
}
} // namespace sprocket::app

#include "RelinkDialog.h"

#include "Theme.h"

namespace sprocket::app
{
namespace
{
    juce::String describe (const session::RelinkCandidate& candidate)
    {
        const auto how = candidate.sameContent && candidate.sameName ? "found by name and content: "
                         : candidate.sameContent                     ? "found by content: "
                                                                     : "found by name: ";
        return how + juce::String (candidate.file.string());
    }
} // namespace

RelinkDialog::RelinkDialog (Host hostToUse) : host (std::move (hostToUse))
{
    list.setRowHeight (40);
    list.setColour (juce::ListBox::backgroundColourId, theme::laneBackground);
    addAndMakeVisible (list);

    searchButton.setComponentID ("search");
    searchButton.onClick = [this] { chooseFolder(); };
    addAndMakeVisible (searchButton);
    relinkButton.setComponentID ("relink");
    relinkButton.onClick = [this] { relinkFound(); };
    addAndMakeVisible (relinkButton);

    refreshRows();
    message = juce::String (rows.size()) + (rows.size() == 1 ? " medium is" : " media are")
              + " offline. Search a folder (and its subfolders) for them by name and by sound.";
    updateButtons();
    setSize (720, 360);
}

RelinkDialog::~RelinkDialog()
{
    stopTimer();
    cancelled->store (true);
    search = nullptr; // waits for the file it is reading
}

void RelinkDialog::refreshRows()
{
    const auto* s = host.session();
    const auto offline = host.offlineMedia();
    std::vector<Row> fresh;
    if (s != nullptr)
        for (auto& media : s->media)
        {
            auto earlier = std::find_if (rows.begin(), rows.end(), [&] (auto& r) { return r.id == media.id; });
            if (offline.contains (media.id))
                fresh.push_back (earlier != rows.end() ? *earlier : Row { media.id, media.path, {}, {}, false });
            else if (earlier != rows.end())
            {
                // Relinked (here or elsewhere): listed until the dialog closes, as done.
                auto done = *earlier;
                done.relinked = true;
                done.outcome = "relinked: " + juce::String (s->resolveMediaPath (media).string());
                fresh.push_back (done);
            }
        }
    rows = std::move (fresh);
    list.updateContent();
    list.repaint();
}

void RelinkDialog::chooseFolder()
{
    chooser = std::make_unique<juce::FileChooser> ("Search a folder for the offline media",
                                                   juce::File::getSpecialLocation (juce::File::userHomeDirectory));
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectDirectories,
                          [this] (const juce::FileChooser& fc) {
                              if (fc.getResult() != juce::File())
                                  searchFolder (fc.getResult().getFullPathName().toStdString());
                          });
}

void RelinkDialog::searchFolder (const std::filesystem::path& folder)
{
    const auto* s = host.session();
    if (isSearching() || s == nullptr)
        return;
    std::set<std::string> wanted;
    for (auto& row : rows)
        if (! row.relinked)
            wanted.insert (row.id);
    if (wanted.empty())
        return;
    message = "Searching " + juce::String (folder.string()) + "...";
    search = std::make_unique<SearchTask> ([session = *s, wanted, folder, flag = cancelled] {
        return session::searchForMedia (session, wanted, folder, [flag] { return flag->load(); });
    });
    updateButtons();
    startTimerHz (10);
    repaint();
}

void RelinkDialog::poll()
{
    if (search == nullptr || ! search->isFinished())
        return;
    stopTimer();
    const auto result = std::exchange (search, nullptr)->take();
    int found = 0;
    for (auto& row : rows)
        if (auto hit = result.candidates.find (row.id); hit != result.candidates.end() && ! row.relinked)
        {
            row.found = hit->second;
            row.outcome.clear();
            ++found;
        }
    message = "Looked at " + juce::String (result.filesLooked) + " files: found " + juce::String (found) + " of "
              + juce::String (rows.size()) + (found > 0 ? ". Relink Found puts them in the session." : ".");
    list.updateContent();
    list.repaint();
    updateButtons();
    repaint();
}

void RelinkDialog::relinkFound()
{
    std::map<std::string, juce::String> outcomes;
    int relinked = 0;
    const auto status = host.perform ("Relink Media", [&] (session::SessionEditor& editor) -> core::Status {
        for (auto& row : rows)
        {
            if (row.relinked || row.found.empty())
                continue;
            // The best file first; one that does not fit gives way to the next.
            for (auto& candidate : row.found)
            {
                auto linked = session::relinkMedia (editor, row.id, candidate.file);
                if (linked)
                {
                    ++relinked;
                    outcomes.erase (row.id);
                    break;
                }
                outcomes[row.id] = juce::String (linked.error().message);
            }
        }
        return {};
    });
    if (! status)
    {
        message = juce::String (status.error().message);
        repaint();
        return;
    }
    refreshRows();
    for (auto& row : rows)
        if (auto why = outcomes.find (row.id); why != outcomes.end())
            row.outcome = why->second;
    const auto stillOffline = std::count_if (rows.begin(), rows.end(), [] (auto& r) { return ! r.relinked; });
    message =
        "Relinked " + juce::String (relinked) + (stillOffline > 0 ? "; " + juce::String (stillOffline) + " still offline." : ".");
    list.updateContent();
    list.repaint();
    updateButtons();
    repaint();
}

juce::String RelinkDialog::getRowText (int row) const
{
    if (row < 0 || size_t (row) >= rows.size())
        return {};
    const auto& r = rows[size_t (row)];
    const auto name = juce::String (r.missing.filename().string());
    if (r.relinked || r.outcome.isNotEmpty())
        return name + ": " + r.outcome;
    if (! r.found.empty())
        return name + ": " + describe (r.found.front());
    return name + ": missing (" + juce::String (r.missing.string()) + ")";
}

void RelinkDialog::updateButtons()
{
    const bool anyFound = std::any_of (rows.begin(), rows.end(), [] (auto& r) { return ! r.relinked && ! r.found.empty(); });
    searchButton.setEnabled (! isSearching());
    relinkButton.setEnabled (! isSearching() && anyFound);
}

void RelinkDialog::paintListBoxItem (int row, juce::Graphics& g, int width, int height, bool selected)
{
    if (row < 0 || size_t (row) >= rows.size())
        return;
    const auto& r = rows[size_t (row)];
    if (selected)
        g.fillAll (theme::headerBackgroundAlt);
    auto area = juce::Rectangle<int> (0, 0, width, height).reduced (10, 3);
    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (14.0f, true));
    g.drawText (juce::String (r.missing.filename().string()), area.removeFromTop (18), juce::Justification::centredLeft, true);
    const auto text = getRowText (row).fromFirstOccurrenceOf (": ", false, false);
    g.setColour (r.relinked                                  ? juce::Colour (0xff6fcf6f)
                 : r.found.empty() || r.outcome.isNotEmpty() ? theme::warning
                                                             : theme::textSecondary);
    g.setFont (theme::uiFont (12.5f));
    g.drawText (text, area, juce::Justification::centredLeft, true);
}

void RelinkDialog::paint (juce::Graphics& g)
{
    g.fillAll (theme::windowBackground);
    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (14.0f));
    g.drawFittedText (message, getLocalBounds().reduced (12).removeFromTop (36), juce::Justification::centredLeft, 2);
}

void RelinkDialog::resized()
{
    auto area = getLocalBounds().reduced (12);
    area.removeFromTop (42);
    auto buttons = area.removeFromBottom (30);
    relinkButton.setBounds (buttons.removeFromRight (130));
    buttons.removeFromRight (10);
    searchButton.setBounds (buttons.removeFromRight (150));
    area.removeFromBottom (10);
    list.setBounds (area);
}
} // namespace sprocket::app

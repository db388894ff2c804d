#include "InsertEditor.h"

#include "MixerStrips.h"
#include "Theme.h"

#include "dsp/ProcessorRegistry.h"

#include <cmath>

namespace sprocket::app
{
namespace
{
    constexpr int headerHeight = 30;
    constexpr int labelWidth = 150;
    constexpr int textBoxWidth = 84;
    constexpr int margin = 8;

    /** The step a slider moves in: whole numbers for counts and orders, tenths of a dB or ms,
        whole hertz, hundredths for the rest. */
    double intervalFor (const dsp::ParameterInfo& p)
    {
        if (p.unit.empty() && p.min == std::floor (p.min) && p.max == std::floor (p.max) && p.max - p.min <= 16.0f
            && p.id != "pan" && p.id.find ("_q") == std::string::npos && p.id != "q")
            return 1.0;
        if (p.unit == "Hz")
            return 1.0;
        if (p.unit == "dB" || p.unit == "dBTP" || p.unit == "ms" || p.unit == "%" || p.unit == ":1")
            return 0.1;
        return 0.01;
    }

    /** A slider's value as the decimal it shows: snapping to a 0.1 step in binary leaves
        6.000000000000004, which would land in the session file. */
    double tidy (double value)
    {
        return std::round (value * 1.0e6) / 1.0e6;
    }

    double valueOf (const session::Insert& insert, const dsp::ParameterInfo& p)
    {
        const auto found = insert.params.find (p.id);
        return found != insert.params.end() && found->is_number() ? found->get<double>() : double (p.defaultValue);
    }
} // namespace

InsertEditor::InsertEditor (const session::Insert& insert, const juce::String& t) : type (insert.type), title (t)
{
    setOpaque (true);
    addAndMakeVisible (bypass);
    addAndMakeVisible (close);
    bypass.onClick = [this] {
        if (onBypass)
            onBypass (bypass.getToggleState());
    };
    close.onClick = [this] {
        if (onClose)
            onClose();
    };
    const auto& registry = dsp::ProcessorRegistry::builtIns();
    if (registry.contains (type))
    {
        const auto processor = registry.create (type);
        for (auto& info : processor->parameters())
            addRow (info);
    }
    irLabel.setColour (juce::Label::textColourId, theme::textSecondary);
    irLabel.setFont (theme::uiFont (12.0f));
    addChildComponent (irLabel);
    addChildComponent (chooseIr);
    chooseIr.onClick = [this] {
        if (onChooseImpulseResponse)
            onChooseImpulseResponse();
    };
    setInsert (insert);
    setSize (width, preferredHeight());
}

InsertEditor::~InsertEditor() = default;

bool InsertEditor::isSwitch (const dsp::ParameterInfo& info)
{
    return info.unit.empty() && info.min == 0.0f && info.max == 1.0f;
}

void InsertEditor::addRow (const dsp::ParameterInfo& info)
{
    auto row = std::make_unique<Row>();
    row->info = info;
    auto* r = row.get();
    if (isSwitch (info))
    {
        row->toggle = std::make_unique<juce::ToggleButton> (juce::String::fromUTF8 (info.name.c_str()));
        row->toggle->onClick = [this, r] {
            if (onParameter)
                onParameter (r->info.id, r->toggle->getToggleState() ? 1.0 : 0.0, true);
        };
        addAndMakeVisible (*row->toggle);
    }
    else
    {
        row->label = std::make_unique<juce::Label> (juce::String(), juce::String::fromUTF8 (info.name.c_str()));
        row->label->setFont (theme::uiFont (12.0f));
        row->label->setColour (juce::Label::textColourId, theme::textPrimary);
        row->label->setMinimumHorizontalScale (0.7f);
        addAndMakeVisible (*row->label);

        auto slider = std::make_unique<juce::Slider> (juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight);
        slider->setRange (info.min, info.max, intervalFor (info));
        // Frequencies, times, ratios and Q are heard on a log scale: the middle of the travel is
        // 1 kHz (or the geometric middle of the range) rather than the arithmetic middle.
        const double low = info.min > 0.0f ? double (info.min) : 1.0, high = double (info.max);
        const bool isQ = info.id == "q" || info.id.ends_with ("_q");
        if ((info.unit == "Hz" || info.unit == "ms" || info.unit == ":1" || info.unit == "s" || isQ) && high / low > 20.0)
        {
            const double middle = info.unit == "Hz" ? std::clamp (1000.0, low * 2.0, high / 2.0) : std::sqrt (low * high);
            if (middle > info.min && middle < info.max)
                slider->setSkewFactorFromMidPoint (middle);
        }
        slider->setColour (juce::Slider::backgroundColourId, juce::Colour (0xff18181b));
        slider->setColour (juce::Slider::trackColourId, juce::Colour (0xff4a7ab8));
        slider->setColour (juce::Slider::thumbColourId, juce::Colour (0xffd8d8de));
        slider->setColour (juce::Slider::textBoxBackgroundColourId, juce::Colour (0xff151517));
        slider->setColour (juce::Slider::textBoxOutlineColourId, juce::Colour (0xff3a3a40));
        slider->setTextBoxStyle (juce::Slider::TextBoxRight, true, textBoxWidth, rowHeight - 4);
        slider->setTextValueSuffix (info.unit.empty() ? juce::String() : " " + juce::String::fromUTF8 (info.unit.c_str()));
        slider->setDoubleClickReturnValue (true, info.defaultValue);
        slider->onDragStart = [r] { r->dragging = true; };
        slider->onValueChange = [this, r] {
            if (onParameter)
                onParameter (r->info.id, tidy (r->slider->getValue()), ! r->dragging);
        };
        slider->onDragEnd = [this, r] {
            r->dragging = false;
            if (onParameter)
                onParameter (r->info.id, tidy (r->slider->getValue()), true);
        };
        row->slider = std::move (slider);
        addAndMakeVisible (*row->slider);
    }
    rows.push_back (std::move (row));
}

void InsertEditor::setInsert (const session::Insert& insert)
{
    bypass.setToggleState (insert.bypass, juce::dontSendNotification);
    for (auto& row : rows)
    {
        const auto value = valueOf (insert, row->info);
        if (row->toggle != nullptr)
            row->toggle->setToggleState (value >= 0.5, juce::dontSendNotification);
        else if (! row->dragging)
            row->slider->setValue (value, juce::dontSendNotification);
    }
    const auto ir = insert.extra.find ("ir");
    const bool hasIr = type == "convolution_reverb";
    irLabel.setVisible (hasIr);
    chooseIr.setVisible (hasIr);
    if (hasIr)
        irLabel.setText ("Impulse response: "
                             + (ir != insert.extra.end() && ir->is_string()
                                    ? juce::String::fromUTF8 (ir->get<std::string>().c_str())
                                    : juce::String ("(none)")),
                         juce::dontSendNotification);
    if (insert.unknownOriginal != nullptr)
        title = title.upToFirstOccurrenceOf (" - ", false, false) + " - not a processor this build knows";
}

int InsertEditor::preferredHeight() const
{
    return headerHeight + margin + int (rows.size()) * rowHeight + (type == "convolution_reverb" ? rowHeight : 0) + margin;
}

juce::Slider* InsertEditor::findSlider (const std::string& paramId) const
{
    for (auto& row : rows)
        if (row->info.id == paramId)
            return row->slider.get();
    return nullptr;
}

juce::Button* InsertEditor::findSwitch (const std::string& paramId) const
{
    for (auto& row : rows)
        if (row->info.id == paramId)
            return row->toggle.get();
    return nullptr;
}

void InsertEditor::paint (juce::Graphics& g)
{
    g.fillAll (theme::headerBackgroundAlt);
    auto header = getLocalBounds().removeFromTop (headerHeight);
    g.setColour (juce::Colour (0xff34405a));
    g.fillRect (header);
    g.setColour (theme::textPrimary);
    g.setFont (theme::uiFont (14.0f, true));
    auto text = header.reduced (margin, 0);
    text.removeFromRight (110); // bypass and close
    g.drawFittedText (juce::String (insertDisplayName (type)) + " " + title, text, juce::Justification::centredLeft, 1, 0.8f);
    g.setColour (theme::laneSeparator);
    g.drawRect (getLocalBounds());
}

void InsertEditor::resized()
{
    auto area = getLocalBounds();
    auto header = area.removeFromTop (headerHeight).reduced (margin, 4);
    close.setBounds (header.removeFromRight (22));
    header.removeFromRight (6);
    bypass.setBounds (header.removeFromRight (78));
    area.reduce (margin, margin);
    for (auto& row : rows)
    {
        auto line = area.removeFromTop (rowHeight);
        if (row->toggle != nullptr)
            row->toggle->setBounds (line.withTrimmedLeft (labelWidth).reduced (0, 1));
        else
        {
            row->label->setBounds (line.removeFromLeft (labelWidth));
            row->slider->setBounds (line.reduced (0, 1));
        }
    }
    if (irLabel.isVisible() || type == "convolution_reverb")
    {
        auto row = area.removeFromTop (rowHeight);
        chooseIr.setBounds (row.removeFromRight (80).reduced (0, 2));
        irLabel.setBounds (row);
    }
}
} // namespace sprocket::app

#pragma once

#include "core/Error.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace sprocket::app
{
/** Renders a component, without a window, to an image or a PNG file: the --snapshot
    mode, the docs' screenshots and the component tests all go through here. [[message thread]] */
class Snapshot
{
public:
    /** Lays `component` out at `width` x `height` and paints it (children included). */
    static juce::Image render (juce::Component& component, int width, int height);

    /** Writes `image` as PNG, replacing `file` (FileOutputStream would append). */
    static core::Status writePng (const juce::Image& image, const juce::File& file);
};
} // namespace sprocket::app

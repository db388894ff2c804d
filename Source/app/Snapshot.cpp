#include "Snapshot.h"

namespace sprocket::app
{
juce::Image Snapshot::render (juce::Component& component, int width, int height)
{
    component.setBounds (0, 0, width, height);
    // A software image keeps snapshots identical with or without an X server.
    juce::Image image (juce::Image::RGB, width, height, true, juce::SoftwareImageType());
    juce::Graphics g (image);
    component.paintEntireComponent (g, true);
    return image;
}

core::Status Snapshot::writePng (const juce::Image& image, const juce::File& file)
{
    if (! image.isValid())
        return core::makeError ("nothing to write: the image is empty");

    const auto folder = file.getParentDirectory();
    if (! folder.isDirectory() && ! folder.createDirectory())
        return core::makeError (file.getFullPathName().toStdString() + ": cannot create the folder");

    // Write beside the target and rename, so a failed write never leaves half a PNG under the final name.
    const juce::TemporaryFile temporary (file);
    {
        juce::FileOutputStream out (temporary.getFile());
        if (! out.openedOk())
            return core::makeError (file.getFullPathName().toStdString() + ": cannot write ("
                                    + out.getStatus().getErrorMessage().toStdString() + ")");
        juce::PNGImageFormat png;
        if (! png.writeImageToStream (image, out))
            return core::makeError (file.getFullPathName().toStdString() + ": PNG encoding failed");
        out.flush();
        if (out.getStatus().failed())
            return core::makeError (file.getFullPathName().toStdString() + ": "
                                    + out.getStatus().getErrorMessage().toStdString());
    }
    if (! temporary.overwriteTargetFileWithTemporary())
        return core::makeError (file.getFullPathName().toStdString() + ": cannot replace the file");
    return {};
}
} // namespace sprocket::app

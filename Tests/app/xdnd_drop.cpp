// xdnd_drop: drops files on an X window the way a file manager does, through the XDND protocol
// (version 5): XdndEnter, XdndPosition, XdndDrop, the text/uri-list selection served on request,
// and XdndFinished awaited. Used by app_drop_e2e.sh to drag files into the real app.
// usage: xdnd_drop WINDOW ROOT_X ROOT_Y FILE...   (exit 0 when the target finished the drop)
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace
{
std::string fileUri (const char* path)
{
    // Percent-encode all but unreserved characters and '/', as file managers do.
    std::string uri = "file://";
    for (const unsigned char c : std::string (path))
    {
        if (std::isalnum (c) || std::strchr ("/-._~", c) != nullptr)
            uri += char (c);
        else
        {
            char escaped[4];
            std::snprintf (escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        }
    }
    return uri;
}

struct Dnd
{
    Display* display;
    Window source, target;
    Atom enter, position, status, drop, finished, selection, uriList, actionCopy;

    void send (Atom type, long l1, long l2, long l3, long l4)
    {
        XEvent event {};
        event.xclient.type = ClientMessage;
        event.xclient.display = display;
        event.xclient.window = target;
        event.xclient.message_type = type;
        event.xclient.format = 32;
        event.xclient.data.l[0] = long (source);
        event.xclient.data.l[1] = l1;
        event.xclient.data.l[2] = l2;
        event.xclient.data.l[3] = l3;
        event.xclient.data.l[4] = l4;
        XSendEvent (display, target, False, NoEventMask, &event);
        XFlush (display);
    }
};
} // namespace

int main (int argc, char** argv)
{
    if (argc < 5)
    {
        std::fprintf (stderr, "usage: xdnd_drop WINDOW ROOT_X ROOT_Y FILE...\n");
        return 2;
    }
    Display* display = XOpenDisplay (nullptr);
    if (display == nullptr)
    {
        std::fprintf (stderr, "xdnd_drop: cannot open the X display\n");
        return 2;
    }
    Dnd dnd { display,
              XCreateSimpleWindow (display, DefaultRootWindow (display), 0, 0, 1, 1, 0, 0, 0),
              Window (std::strtoul (argv[1], nullptr, 0)),
              XInternAtom (display, "XdndEnter", False),
              XInternAtom (display, "XdndPosition", False),
              XInternAtom (display, "XdndStatus", False),
              XInternAtom (display, "XdndDrop", False),
              XInternAtom (display, "XdndFinished", False),
              XInternAtom (display, "XdndSelection", False),
              XInternAtom (display, "text/uri-list", False),
              XInternAtom (display, "XdndActionCopy", False) };
    const int x = std::atoi (argv[2]), y = std::atoi (argv[3]);
    std::string uris;
    for (int i = 4; i < argc; ++i)
        uris += fileUri (argv[i]) + "\r\n";

    // The protocol version is the lower of ours (5) and the one the target's XdndAware names.
    long version = 0;
    {
        Atom type;
        int format;
        unsigned long count, after;
        unsigned char* data = nullptr;
        if (XGetWindowProperty (display, dnd.target, XInternAtom (display, "XdndAware", False), 0, 1, False, XA_ATOM, &type,
                                &format, &count, &after, &data)
                == Success
            && data != nullptr && count == 1)
            version = std::min (5L, long (*reinterpret_cast<unsigned long*> (data)));
        if (data != nullptr)
            XFree (data);
    }
    if (version < 3)
    {
        std::fprintf (stderr, "xdnd_drop: window %s does not accept drops (no XdndAware of version 3 or later)\n", argv[1]);
        return 1;
    }

    XSetSelectionOwner (display, dnd.selection, dnd.source, CurrentTime);
    dnd.send (dnd.enter, version << 24, long (dnd.uriList), None, None);
    dnd.send (dnd.position, 0, (long (x) << 16) | long (y), CurrentTime, long (dnd.actionCopy));

    bool accepted = false, dropped = false, served = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (10);
    while (std::chrono::steady_clock::now() < deadline)
    {
        if (XPending (display) == 0)
        {
            std::this_thread::sleep_for (std::chrono::milliseconds (5));
            continue;
        }
        XEvent event;
        XNextEvent (display, &event);
        if (event.type == SelectionRequest)
        {
            // The target asks for the file list: write it on its window and say where.
            auto& request = event.xselectionrequest;
            XEvent reply {};
            reply.xselection.type = SelectionNotify;
            reply.xselection.display = display;
            reply.xselection.requestor = request.requestor;
            reply.xselection.selection = request.selection;
            reply.xselection.target = request.target;
            reply.xselection.time = request.time;
            reply.xselection.property = None;
            if (request.target == dnd.uriList)
            {
                XChangeProperty (display, request.requestor, request.property, dnd.uriList, 8, PropModeReplace,
                                 reinterpret_cast<const unsigned char*> (uris.data()), int (uris.size()));
                reply.xselection.property = request.property;
                served = true;
            }
            XSendEvent (display, request.requestor, False, NoEventMask, &reply);
            XFlush (display);
        }
        else if (event.type == ClientMessage && event.xclient.message_type == dnd.status)
        {
            accepted = (event.xclient.data.l[1] & 1) != 0;
            if (accepted && ! dropped)
            {
                dnd.send (dnd.drop, 0, CurrentTime, 0, 0);
                dropped = true;
            }
        }
        else if (event.type == ClientMessage && event.xclient.message_type == dnd.finished)
        {
            std::printf ("dropped %d file(s) at %d,%d (list %s)\n", argc - 4, x, y, served ? "served" : "not asked for");
            XCloseDisplay (display);
            return 0;
        }
    }
    std::fprintf (stderr, "xdnd_drop: no XdndFinished within 10 s (status %s, dropped %s, list %s)\n",
                  accepted ? "accepted" : "none", dropped ? "yes" : "no", served ? "served" : "not asked for");
    XCloseDisplay (display);
    return 1;
}

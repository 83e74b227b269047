using System.Runtime.InteropServices;

namespace VisualAgent.Drivers.Desktop.X11;

/// <summary>
/// The libX11 and libXtst calls the driver makes: the one place of X11 interop. Every call goes through
/// <see cref="XDisplay"/>, which owns the connection and serialises access (Xlib is not thread-safe).
/// </summary>
internal static unsafe partial class Xlib
{
    private const string X11 = "libX11.so.6";
    private const string Xtst = "libXtst.so.6";

    internal const int ZPixmap = 2;
    internal const ulong AllPlanes = ~0UL;
    internal const int IsViewable = 2;
    internal const int RevertToParent = 2;
    internal const int CurrentTime = 0;
    internal const int Success = 0;
    internal const nint AnyPropertyType = 0;

    [LibraryImport(X11, EntryPoint = "XOpenDisplay", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint XOpenDisplay(string? name);

    [LibraryImport(X11, EntryPoint = "XCloseDisplay")]
    internal static partial int XCloseDisplay(nint display);

    [LibraryImport(X11, EntryPoint = "XDefaultScreen")]
    internal static partial int XDefaultScreen(nint display);

    [LibraryImport(X11, EntryPoint = "XRootWindow")]
    internal static partial nint XRootWindow(nint display, int screen);

    [LibraryImport(X11, EntryPoint = "XDisplayWidth")]
    internal static partial int XDisplayWidth(nint display, int screen);

    [LibraryImport(X11, EntryPoint = "XDisplayHeight")]
    internal static partial int XDisplayHeight(nint display, int screen);

    [LibraryImport(X11, EntryPoint = "XDisplayString")]
    internal static partial nint XDisplayString(nint display);

    [LibraryImport(X11, EntryPoint = "XGetImage")]
    internal static partial XImage* XGetImage(nint display, nint drawable, int x, int y, uint width, uint height, ulong planeMask, int format);

    [LibraryImport(X11, EntryPoint = "XDestroyImage")]
    internal static partial int XDestroyImage(XImage* image);

    [LibraryImport(X11, EntryPoint = "XFlush")]
    internal static partial int XFlush(nint display);

    [LibraryImport(X11, EntryPoint = "XSync")]
    internal static partial int XSync(nint display, int discard);

    [LibraryImport(X11, EntryPoint = "XFree")]
    internal static partial int XFree(void* data);

    [LibraryImport(X11, EntryPoint = "XQueryTree")]
    internal static partial int XQueryTree(nint display, nint window, out nint root, out nint parent, out nint* children, out uint count);

    [LibraryImport(X11, EntryPoint = "XGetWindowAttributes")]
    internal static partial int XGetWindowAttributes(nint display, nint window, out XWindowAttributes attributes);

    [LibraryImport(X11, EntryPoint = "XTranslateCoordinates")]
    internal static partial int XTranslateCoordinates(nint display, nint src, nint dest, int x, int y, out int destX, out int destY, out nint child);

    [LibraryImport(X11, EntryPoint = "XInternAtom", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint XInternAtom(nint display, string name, int onlyIfExists);

    [LibraryImport(X11, EntryPoint = "XGetWindowProperty")]
    internal static partial int XGetWindowProperty(
        nint display, nint window, nint property, nint offset, nint length, int delete, nint reqType,
        out nint actualType, out int actualFormat, out nuint items, out nuint bytesAfter, out byte* data);

    [LibraryImport(X11, EntryPoint = "XRaiseWindow")]
    internal static partial int XRaiseWindow(nint display, nint window);

    [LibraryImport(X11, EntryPoint = "XSetInputFocus")]
    internal static partial int XSetInputFocus(nint display, nint window, int revertTo, nint time);

    [LibraryImport(X11, EntryPoint = "XGetInputFocus")]
    internal static partial int XGetInputFocus(nint display, out nint window, out int revertTo);

    [LibraryImport(X11, EntryPoint = "XQueryPointer")]
    internal static partial int XQueryPointer(nint display, nint window, out nint root, out nint child, out int rootX, out int rootY, out int winX, out int winY, out uint mask);

    [LibraryImport(X11, EntryPoint = "XDisplayKeycodes")]
    internal static partial int XDisplayKeycodes(nint display, out int minKeycode, out int maxKeycode);

    [LibraryImport(X11, EntryPoint = "XGetKeyboardMapping")]
    internal static partial nint* XGetKeyboardMapping(nint display, byte firstKeycode, int count, out int keysymsPerKeycode);

    [LibraryImport(X11, EntryPoint = "XChangeKeyboardMapping")]
    internal static partial int XChangeKeyboardMapping(nint display, int firstKeycode, int keysymsPerKeycode, nint* keysyms, int count);

    [LibraryImport(X11, EntryPoint = "XSetErrorHandler")]
    internal static partial nint XSetErrorHandler(delegate* unmanaged<nint, nint, int> handler);

    [LibraryImport(Xtst, EntryPoint = "XTestQueryExtension")]
    internal static partial int XTestQueryExtension(nint display, out int eventBase, out int errorBase, out int major, out int minor);

    [LibraryImport(Xtst, EntryPoint = "XTestFakeMotionEvent")]
    internal static partial int XTestFakeMotionEvent(nint display, int screen, int x, int y, nint delay);

    [LibraryImport(Xtst, EntryPoint = "XTestFakeButtonEvent")]
    internal static partial int XTestFakeButtonEvent(nint display, uint button, int isPress, nint delay);

    [LibraryImport(Xtst, EntryPoint = "XTestFakeKeyEvent")]
    internal static partial int XTestFakeKeyEvent(nint display, uint keycode, int isPress, nint delay);

    /// <summary>The head of Xlib's XImage (the function table that follows is not read).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct XImage
    {
        public int Width;
        public int Height;
        public int XOffset;
        public int Format;
        public byte* Data;
        public int ByteOrder;
        public int BitmapUnit;
        public int BitmapBitOrder;
        public int BitmapPad;
        public int Depth;
        public int BytesPerLine;
        public int BitsPerPixel;
        public nuint RedMask;
        public nuint GreenMask;
        public nuint BlueMask;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct XWindowAttributes
    {
        public int X;
        public int Y;
        public int Width;
        public int Height;
        public int BorderWidth;
        public int Depth;
        public nint Visual;
        public nint Root;
        public int Class;
        public int BitGravity;
        public int WinGravity;
        public int BackingStore;
        public nuint BackingPlanes;
        public nuint BackingPixel;
        public int SaveUnder;
        public nint Colormap;
        public int MapInstalled;
        public int MapState;
        public nint AllEventMasks;
        public nint YourEventMask;
        public nint DoNotPropagateMask;
        public int OverrideRedirect;
        public nint Screen;
    }
}

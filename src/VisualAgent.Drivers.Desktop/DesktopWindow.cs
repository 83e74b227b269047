using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop;

/// <summary>A top-level window on the X display, as it was when listed.</summary>
/// <param name="Id">The X window id.</param>
/// <param name="Title">_NET_WM_NAME or WM_NAME; "" when it has none.</param>
/// <param name="ProcessId">_NET_WM_PID, when the client set it.</param>
/// <param name="Box">Its bounds in screen (screenshot) pixels.</param>
/// <param name="Popup">An override-redirect window (a menu, tooltip or pop-up that no window manager places).</param>
public sealed record DesktopWindow(long Id, string Title, int? ProcessId, ScreenBox Box, bool Popup)
{
    public override string ToString() => $"0x{Id:x} \"{Title}\" {Box}{(ProcessId is { } p ? $" pid {p}" : "")}{(Popup ? " (pop-up)" : "")}";
}

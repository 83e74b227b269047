using System.Runtime.Versioning;
using VisualAgent.Actions;
using VisualAgent.Drivers.Desktop.Windows.Interop;
using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Drivers.Desktop.Windows;

/// <summary>Mouse and keyboard through SendInput: absolute moves over the virtual screen, Unicode typing, virtual-key chords.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe class SendInputs
{
    private static readonly Dictionary<string, ushort> VirtualKeys = new(StringComparer.Ordinal)
    {
        ["enter"] = 0x0D, ["tab"] = 0x09, ["escape"] = 0x1B, ["backspace"] = 0x08, ["back"] = 0x08, ["delete"] = 0x2E, ["space"] = 0x20,
        ["home"] = 0x24, ["end"] = 0x23, ["pageup"] = 0x21, ["pagedown"] = 0x22, ["insert"] = 0x2D, ["left"] = 0x25, ["up"] = 0x26,
        ["right"] = 0x27, ["down"] = 0x28, ["ctrl"] = 0x11, ["shift"] = 0x10, ["alt"] = 0x12, ["meta"] = 0x5B, ["capslock"] = 0x14,
    };

    public static void Move(ScreenPoint p) => Send(Mouse(p, Win32.MouseMove | Win32.MouseAbsolute | Win32.MouseVirtualDesk, 0));

    public static void Click(ScreenPoint p, MouseButton button, int count)
    {
        var (down, up) = button switch
        {
            MouseButton.Right => (Win32.MouseRightDown, Win32.MouseRightUp),
            MouseButton.Middle => (Win32.MouseMiddleDown, Win32.MouseMiddleUp),
            _ => (Win32.MouseLeftDown, Win32.MouseLeftUp),
        };
        Move(p);
        for (var i = 0; i < count; i++)
        {
            Send(Mouse(p, down, 0), Mouse(p, up, 0));
        }
    }

    public static void Drag(ScreenPoint from, ScreenPoint to)
    {
        Move(from);
        Send(Mouse(from, Win32.MouseLeftDown, 0));
        for (var i = 1; i <= 12; i++)
        {
            Move(new ScreenPoint(from.X + ((to.X - from.X) * i / 12), from.Y + ((to.Y - from.Y) * i / 12)));
        }

        Send(Mouse(to, Win32.MouseLeftUp, 0));
    }

    /// <summary>Wheel pixels as Playwright counts them; one notch (120) per 100 pixels; positive dy scrolls down.</summary>
    public static void Scroll(ScreenPoint? at, double dx, double dy)
    {
        if (at is { } p)
        {
            Move(p);
        }

        if (dy != 0)
        {
            Send(Mouse(default, Win32.MouseWheel, (int)Math.Round(-dy / 100 * 120)));
        }

        if (dx != 0)
        {
            Send(Mouse(default, Win32.MouseHWheel, (int)Math.Round(dx / 100 * 120)));
        }
    }

    /// <summary>Types text as Unicode key events (any character, no layout needed); "\n" is Enter.</summary>
    public static void Type(string text)
    {
        foreach (var c in text)
        {
            if (c == '\r')
            {
                continue;
            }

            if (c == '\n')
            {
                Send(Key(0x0D, default, 0), Key(0x0D, default, Win32.KeyUp));
                continue;
            }

            Send(Key(0, c, Win32.KeyUnicode), Key(0, c, Win32.KeyUnicode | Win32.KeyUp));
        }
    }

    public static void Chord(IReadOnlyList<string> keys)
    {
        var codes = keys.Select(k =>
        {
            var name = KeyNames.Normalize(k);
            if (VirtualKeys.TryGetValue(name, out var vk))
            {
                return vk;
            }

            if (name.Length == 1 && char.IsAsciiLetterOrDigit(name[0]))
            {
                return (ushort)char.ToUpperInvariant(name[0]);
            }

            if (name.Length > 1 && name[0] == 'f' && int.TryParse(name.AsSpan(1), out var f) && f is >= 1 and <= 24)
            {
                return (ushort)(0x70 + f - 1);
            }

            throw new UsageException($"Unknown key \"{k}\" for the Windows driver.");
        }).ToList();
        var inputs = codes.Select(c => Key(c, default, 0)).Concat(codes.AsEnumerable().Reverse().Select(c => Key(c, default, Win32.KeyUp))).ToArray();
        Send(inputs);
    }

    private static Win32.Input Mouse(ScreenPoint p, uint flags, int data)
    {
        var (x, y) = (Win32.GetSystemMetrics(Win32.SmXVirtualScreen), Win32.GetSystemMetrics(Win32.SmYVirtualScreen));
        var (w, h) = (Math.Max(1, Win32.GetSystemMetrics(Win32.SmCxVirtualScreen) - 1), Math.Max(1, Win32.GetSystemMetrics(Win32.SmCyVirtualScreen) - 1));
        return new Win32.Input
        {
            Type = Win32.InputMouse,
            U = new Win32.InputUnion { Mouse = new Win32.MouseInput { Dx = (int)Math.Round((p.X - x) * 65535 / w), Dy = (int)Math.Round((p.Y - y) * 65535 / h), MouseData = data, Flags = flags } },
        };
    }

    private static Win32.Input Key(ushort vk, char scan, uint flags) =>
        new() { Type = Win32.InputKeyboard, U = new Win32.InputUnion { Keyboard = new Win32.KeyboardInput { Vk = vk, Scan = scan, Flags = flags } } };

    private static void Send(params Win32.Input[] inputs)
    {
        fixed (Win32.Input* p = inputs)
        {
            if (Win32.SendInput((uint)inputs.Length, p, sizeof(Win32.Input)) != inputs.Length)
            {
                throw new DriverException("SendInput was blocked (another desktop, a higher-integrity window, or a locked session).");
            }
        }
    }
}

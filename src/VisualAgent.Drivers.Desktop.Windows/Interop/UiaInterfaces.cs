using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace VisualAgent.Drivers.Desktop.Windows.Interop;

// UIAutomationClient.h, in vtable order. Methods the backend does not call are kept as placeholders (Slot..) so every
// later slot stays where COM puts it. BSTRs are marshalled as strings, VARIANTs are not needed (typed getters are used).

/// <summary>IUIAutomation (CUIAutomation's interface): elements from the desktop, a point, the focus; conditions.</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Utf16)]
[Guid("30cbe57d-d9d0-452a-ab13-7ac5ac4825ee")]
internal partial interface IUIAutomation
{
    void CompareElements(nint el1, nint el2, out int same);

    void CompareRuntimeIds(nint id1, nint id2, out int same);

    IUIAutomationElement GetRootElement();

    IUIAutomationElement ElementFromHandle(nint hwnd);

    IUIAutomationElement ElementFromPoint(UiaPoint pt);

    IUIAutomationElement GetFocusedElement();

    void Slot6();

    void Slot7();

    void Slot8();

    void Slot9();

    void Slot10();

    void Slot11();

    void Slot12();

    void Slot13();

    void Slot14();

    void Slot15();

    void Slot16();

    void Slot17();

    IUIAutomationCondition CreateTrueCondition();
}

/// <summary>IUIAutomationElement: tree search, patterns and current properties.</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Utf16)]
[Guid("d22108aa-8ac5-49a5-837b-37bbb3d7591e")]
internal partial interface IUIAutomationElement
{
    void SetFocus();

    void Slot1();

    void Slot2();

    IUIAutomationElementArray FindAll(UiaTreeScope scope, IUIAutomationCondition condition);

    void Slot4();

    void Slot5();

    void Slot6();

    void Slot7();

    void Slot8();

    void Slot9();

    void Slot10();

    void Slot11();

    void Slot12();

    /// <summary>The pattern's COM pointer (IUnknown of the pattern interface), 0 when the element does not support it.</summary>
    nint GetCurrentPattern(int patternId);

    void Slot14();

    void Slot15();

    void Slot16();

    int get_CurrentProcessId();

    int get_CurrentControlType();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentLocalizedControlType();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentName();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentAcceleratorKey();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentAccessKey();

    int get_CurrentHasKeyboardFocus();

    int get_CurrentIsKeyboardFocusable();

    int get_CurrentIsEnabled();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentAutomationId();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentClassName();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentHelpText();

    int get_CurrentCulture();

    int get_CurrentIsControlElement();

    int get_CurrentIsContentElement();

    int get_CurrentIsPassword();

    nint get_CurrentNativeWindowHandle();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentItemType();

    int get_CurrentIsOffscreen();

    int get_CurrentOrientation();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentFrameworkId();

    int get_CurrentIsRequiredForForm();

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentItemStatus();

    UiaRect get_CurrentBoundingRectangle();
}

[GeneratedComInterface]
[Guid("14314595-b4bc-4055-95f2-58f2e42c9855")]
internal partial interface IUIAutomationElementArray
{
    int get_Length();

    IUIAutomationElement GetElement(int index);
}

[GeneratedComInterface]
[Guid("352ffba8-0973-437c-a61f-f64cafd81df9")]
internal partial interface IUIAutomationCondition
{
}

[GeneratedComInterface]
[Guid("fb377fbe-8ea6-46d5-9c73-6499642d3059")]
internal partial interface IUIAutomationInvokePattern
{
    void Invoke();
}

[GeneratedComInterface(StringMarshalling = StringMarshalling.Utf16)]
[Guid("a94cd8b1-0844-4cd6-9d2d-640537ab39e9")]
internal partial interface IUIAutomationValuePattern
{
    void SetValue([MarshalAs(UnmanagedType.BStr)] string value);

    [return: MarshalAs(UnmanagedType.BStr)]
    string get_CurrentValue();

    int get_CurrentIsReadOnly();
}

[GeneratedComInterface]
[Guid("94cf8058-9b8d-4ab9-8bfd-4cd0a33c8c70")]
internal partial interface IUIAutomationTogglePattern
{
    void Toggle();

    UiaToggleState get_CurrentToggleState();
}

[GeneratedComInterface]
[Guid("a8efa66a-0fda-421a-9194-38021f3578ea")]
internal partial interface IUIAutomationSelectionItemPattern
{
    void Select();

    void AddToSelection();

    void RemoveFromSelection();

    int get_CurrentIsSelected();
}

[StructLayout(LayoutKind.Sequential)]
internal struct UiaPoint
{
    public int X;
    public int Y;
}

[StructLayout(LayoutKind.Sequential)]
internal struct UiaRect
{
    public int Left;
    public int Top;
    public int Right;
    public int Bottom;
}

internal enum UiaTreeScope
{
    Element = 1,
    Children = 2,
    Descendants = 4,
    Subtree = 7,
}

internal enum UiaToggleState
{
    Off = 0,
    On = 1,
    Indeterminate = 2,
}

/// <summary>UIA pattern and control-type ids (UIAutomationClient.h).</summary>
internal static class UiaIds
{
    public const int InvokePattern = 10000;
    public const int ValuePattern = 10002;
    public const int SelectionItemPattern = 10010;
    public const int TogglePattern = 10015;

    public const int Button = 50000;
    public const int CheckBox = 50002;
    public const int ComboBox = 50003;
    public const int Edit = 50004;
    public const int Hyperlink = 50005;
    public const int ListItem = 50007;
    public const int List = 50008;
    public const int Menu = 50009;
    public const int MenuItem = 50011;
    public const int RadioButton = 50013;
    public const int Slider = 50015;
    public const int Spinner = 50016;
    public const int Tab = 50018;
    public const int TabItem = 50019;
    public const int Text = 50020;
    public const int TreeItem = 50024;
    public const int Window = 50032;
}

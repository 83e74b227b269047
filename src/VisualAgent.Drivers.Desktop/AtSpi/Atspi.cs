using System.Runtime.InteropServices;

namespace VisualAgent.Drivers.Desktop.AtSpi;

/// <summary>
/// The libatspi (AT-SPI 2 client library) and GLib calls the driver makes: the one place of AT-SPI interop. Objects
/// returned "transfer full" are released with <see cref="Unref"/>, strings with <see cref="Free"/>. Used under
/// <see cref="AtSpiTree"/>'s lock only.
/// </summary>
internal static unsafe partial class Atspi
{
    private const string Lib = "libatspi.so.0";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    internal const int CoordScreen = 0;
    internal const int CacheNone = 0;
    internal const int RelationLabelledBy = 2;

    [LibraryImport(Lib, EntryPoint = "atspi_init")]
    internal static partial int Init();

    [LibraryImport(Lib, EntryPoint = "atspi_set_timeout")]
    internal static partial void SetTimeout(int value, int startupTime);

    [LibraryImport(Lib, EntryPoint = "atspi_get_desktop")]
    internal static partial nint GetDesktop(int index);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_child_count")]
    internal static partial int ChildCount(nint accessible, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_child_at_index")]
    internal static partial nint ChildAt(nint accessible, int index, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_parent")]
    internal static partial nint Parent(nint accessible, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_name")]
    internal static partial byte* Name(nint accessible, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_description")]
    internal static partial byte* Description(nint accessible, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_role_name")]
    internal static partial byte* RoleName(nint accessible, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_accessible_id")]
    internal static partial byte* AccessibleId(nint accessible, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_process_id")]
    internal static partial uint ProcessId(nint accessible, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_state_set")]
    internal static partial nint StateSet(nint accessible);

    [LibraryImport(Lib, EntryPoint = "atspi_state_set_contains")]
    internal static partial int StateSetContains(nint set, int state);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_set_cache_mask")]
    internal static partial void SetCacheMask(nint accessible, int mask);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_component_iface")]
    internal static partial nint ComponentIface(nint accessible);

    [LibraryImport(Lib, EntryPoint = "atspi_component_get_extents")]
    internal static partial Rect* Extents(nint component, int coordType, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_action_iface")]
    internal static partial nint ActionIface(nint accessible);

    [LibraryImport(Lib, EntryPoint = "atspi_action_get_n_actions")]
    internal static partial int ActionCount(nint action, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_action_get_action_name")]
    internal static partial byte* ActionName(nint action, int index, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_action_do_action")]
    internal static partial int DoAction(nint action, int index, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_text_iface")]
    internal static partial nint TextIface(nint accessible);

    [LibraryImport(Lib, EntryPoint = "atspi_text_get_character_count")]
    internal static partial int CharacterCount(nint text, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_text_get_text")]
    internal static partial byte* Text(nint text, int start, int end, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_editable_text_iface")]
    internal static partial nint EditableTextIface(nint accessible);

    [LibraryImport(Lib, EntryPoint = "atspi_editable_text_set_text_contents", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetTextContents(nint editable, string text, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_value_iface")]
    internal static partial nint ValueIface(nint accessible);

    [LibraryImport(Lib, EntryPoint = "atspi_value_get_current_value")]
    internal static partial double CurrentValue(nint value, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_accessible_get_relation_set")]
    internal static partial GArray* RelationSet(nint accessible, out GError* error);

    [LibraryImport(Lib, EntryPoint = "atspi_relation_get_relation_type")]
    internal static partial int RelationType(nint relation);

    [LibraryImport(Lib, EntryPoint = "atspi_relation_get_n_targets")]
    internal static partial int RelationTargetCount(nint relation);

    [LibraryImport(Lib, EntryPoint = "atspi_relation_get_target")]
    internal static partial nint RelationTarget(nint relation, int index);

    [LibraryImport(GObject, EntryPoint = "g_object_ref")]
    internal static partial nint Ref(nint obj);

    [LibraryImport(GObject, EntryPoint = "g_object_unref")]
    internal static partial void Unref(nint obj);

    [LibraryImport(GLib, EntryPoint = "g_free")]
    internal static partial void Free(void* memory);

    [LibraryImport(GLib, EntryPoint = "g_error_free")]
    internal static partial void ErrorFree(GError* error);

    [LibraryImport(GLib, EntryPoint = "g_array_free")]
    internal static partial byte* ArrayFree(GArray* array, int freeSegment);

    [LibraryImport(GLib, EntryPoint = "g_main_context_iteration")]
    internal static partial int MainContextIteration(nint context, int mayBlock);

    /// <summary>Takes a "transfer full" UTF-8 string: copies it and frees the original.</summary>
    internal static string? Take(byte* text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)text);
        }
        finally
        {
            Free(text);
        }
    }

    /// <summary>True (and frees it) when a call failed.</summary>
    internal static bool Failed(GError* error)
    {
        if (error is null)
        {
            return false;
        }

        ErrorFree(error);
        return true;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct GError
    {
        public uint Domain;
        public int Code;
        public byte* Message;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct GArray
    {
        public nint* Data;
        public uint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct Rect
    {
        public int X;
        public int Y;
        public int Width;
        public int Height;
    }
}

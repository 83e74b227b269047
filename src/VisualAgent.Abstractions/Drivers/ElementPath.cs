namespace VisualAgent.Drivers;

/// <summary>
/// Where a desktop element lives, for replay and code generation: its application, its window, the role/name chain
/// from the window down to it, and the platform's automation id when it has one (AT-SPI accessible id, UIA
/// AutomationId).
/// </summary>
public sealed record ElementPath
{
    public required string Application { get; init; }

    public required string Window { get; init; }

    /// <summary>From the window (exclusive) down to the element (inclusive).</summary>
    public required IReadOnlyList<ElementPathStep> Chain { get; init; }

    public string? AutomationId { get; init; }

    public override string ToString() =>
        $"{Application} > \"{Window}\"" + string.Concat(Chain.Select(s => s.Name.Length > 0 ? $" > {s.Role} \"{s.Name}\"" : $" > {s.Role}[{s.Index}]"));
}

/// <summary>One step of an <see cref="ElementPath"/>: role (the platform's own role name), name, and index among its siblings.</summary>
public sealed record ElementPathStep(string Role, string Name, int Index);

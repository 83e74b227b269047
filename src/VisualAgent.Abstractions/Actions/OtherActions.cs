using System.Text.Json.Serialization;

namespace VisualAgent.Actions;

/// <summary>type {text, submit}: types into the focused element; submit presses Enter afterwards.</summary>
public sealed record TypeAction(string Text, bool Submit = false) : AgentAction
{
    /// <summary>
    /// Text up to this long is typed key by key (a keydown, input and keyup per character); longer text is inserted in
    /// chunks. The web driver types this way, and generated scripts follow it (see Codegen's TypingRule).
    /// </summary>
    public const int KeyByKeyLimit = 200;
}

/// <summary>key {keys}: a chord of lower-case key names pressed together, e.g. ["ctrl", "c"].</summary>
public sealed record KeyAction(IReadOnlyList<string> Keys) : AgentAction;

/// <summary>wait {seconds}.</summary>
public sealed record WaitAction(double Seconds = 1) : AgentAction;

/// <summary>Status of a finished task as the model reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DoneStatus>))]
public enum DoneStatus
{
    [JsonStringEnumMemberName("success")] Success,
    [JsonStringEnumMemberName("failure")] Failure,
}

/// <summary>done {status, answer?}: the model says the task is over.</summary>
public sealed record DoneAction(DoneStatus Status = DoneStatus.Success, string? Answer = null) : AgentAction;

/// <summary>answer {text}: the model answers a question about the screen.</summary>
public sealed record AnswerAction(string Text) : AgentAction;

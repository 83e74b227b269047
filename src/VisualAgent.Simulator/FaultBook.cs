namespace VisualAgent.Simulator;

/// <summary>Injected faults, consumed in the order they were added.</summary>
internal sealed class FaultBook
{
    private readonly Lock _lock = new();
    private readonly List<Rule> _rules = [];

    public void Add(SimulatedFault fault)
    {
        lock (_lock)
        {
            _rules.Add(new Rule(fault) { Remaining = fault.Count });
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>The first fault that applies to a request with these user texts; counts it down.</summary>
    public SimulatedFault? Take(IReadOnlyList<string> userTexts)
    {
        lock (_lock)
        {
            foreach (var rule in _rules)
            {
                if (rule.Remaining is <= 0)
                {
                    continue;
                }

                if (rule.Fault.When is { } when && !userTexts.Any(t => t.Contains(when, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                rule.Remaining--;
                return rule.Fault;
            }

            return null;
        }
    }

    private sealed class Rule(SimulatedFault fault)
    {
        public SimulatedFault Fault { get; } = fault;

        public int? Remaining { get; set; }
    }
}

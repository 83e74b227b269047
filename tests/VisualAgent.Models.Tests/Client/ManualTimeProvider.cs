namespace VisualAgent.Tests.Client;

/// <summary>A clock the test moves by hand (no Microsoft.Extensions.TimeProvider.Testing on the mirror).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

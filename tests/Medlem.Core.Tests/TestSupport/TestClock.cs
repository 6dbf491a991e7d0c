using Microsoft.Extensions.Time.Testing;

namespace Medlem.Core.Tests.TestSupport;

/// <summary>A fixed clock. Use cases take "today" from <see cref="TimeProvider.GetLocalNow"/>, which uses the provider's time zone.</summary>
internal static class TestClock
{
    /// <summary>The instant every test runs at: 2026-11-28T12:00:00Z (13:00 in Oslo, the same calendar day in both zones).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The calendar day of <see cref="Now"/>.</summary>
    public static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>A clock at <see cref="Now"/> with the local time zone set to UTC explicitly (FakeTimeProvider's default is UTC too, but say it).</summary>
    public static FakeTimeProvider Create() => Create(Now, TimeZoneInfo.Utc);

    public static FakeTimeProvider Create(DateTimeOffset now, TimeZoneInfo localTimeZone)
    {
        var clock = new FakeTimeProvider(now);
        clock.SetLocalTimeZone(localTimeZone);
        return clock;
    }
}

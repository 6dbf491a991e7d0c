using System.Diagnostics;
using System.Globalization;
using Medlem.Core.Demo;
using Medlem.Core.Tests.Demo.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Demo;

/// <summary>
/// Measures generating and loading the demo into a SQLite file at scales 0.1 and 1. Explicit:
/// it takes a minute or more and asserts nothing, so it never runs with the normal suite. Run it
/// in Release with the test executable:
/// <c>dotnet build tests/Medlem.Core.Tests -c Release &amp;&amp; tests/Medlem.Core.Tests/bin/Release/net10.0/Medlem.Core.Tests -class Medlem.Core.Tests.Demo.DemoLoadMeasurement -explicit only</c>.
/// Figures go to docs/demo-data.md.
/// </summary>
public sealed class DemoLoadMeasurement
{
    [Theory(Explicit = true)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public async Task Generate_and_load_into_a_SQLite_file(double scale)
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        var file = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"medlem-demo-{scale}.db"));
        File.Delete(file);

        var clock = Stopwatch.StartNew();
        var data = DemoGenerator.Generate(scale, 20260301, new DateOnly(2026, 3, 1));
        var generated = clock.Elapsed;

        await using var register = await SqliteRegister.CreateAsync(file);
        await using var db = register.NewContext();
        clock.Restart();
        var summary = await DemoLoader.LoadAsync(db, data, p => $"hashed:{p.Length}", ct);
        var loaded = clock.Elapsed;

        var rows = summary.People + summary.ContactPoints + summary.Guardianships + summary.Memberships + summary.Cards;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale {scale}: generate {generated.TotalSeconds:F1} s, load {loaded.TotalSeconds:F1} s ({rows / loaded.TotalSeconds:F0} rows/s), {rows} rows, file {new FileInfo(file).Length / 1048576.0:F0} MiB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"people {summary.People}, contact points {summary.ContactPoints}, guardianships {summary.Guardianships}, memberships {summary.Memberships}, cards {summary.Cards}"));
        foreach (var library in summary.Libraries)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{library.Code}: registered {library.RegisteredMembers}, memberships {library.Memberships}, cards {library.Cards}, branches {library.Branches}, staff {library.StaffAccounts}"));
        }
    }
}

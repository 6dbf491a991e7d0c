using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Demo;
using Medlem.Core.Insight;
using Medlem.Statistics;
using Medlem.Statistics.Insight;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Medlem.Web.Tests.Insight;

/// <summary>
/// The insight issue: "The demo consortium must visibly tell the seed's story" — checked on the
/// dashboard an analyst of Stavanger opens, after the demo is loaded the way a first start loads it
/// (register, then every export file through the importers). The demo's today is the last day of a
/// month, so the dashboard's "last 12 months" is exactly the calibration's period.
/// Two kinds of expectation: the generated register's own figures by DESIGN.md §6
/// (<see cref="DemoLibraryStatistics"/>, computed from the generator's data, not from the store),
/// which the dashboard must meet almost exactly; and the seed's figures (<see cref="DemoCalibration"/>),
/// met within the generator's calibration error plus the sampling noise of a 10 % demo (3 σ).
/// </summary>
public sealed class DemoStoryTests : IClassFixture<DemoStoryTests.LoadedDemo>
{
    private const double Scale = 0.1;
    private const int Seed = 2017;
    private static readonly DateOnly Today = new(2026, 10, 31);
    private readonly LoadedDemo _demo;

    public DemoStoryTests(LoadedDemo demo) => _demo = demo;

    public sealed class LoadedDemo : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("medlem-demo-story-").FullName;
        private ServiceProvider _services = null!;

        public InsightFigures Stavanger { get; private set; } = null!;

        public InsightDashboard Dashboard { get; private set; } = null!;

        public DemoLibraryStatistics Expected { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var database = new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(_folder, "medlem.db")}" };
            var configuration = new ConfigurationBuilder().Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddMedlemCore(configuration, new TestEnvironment());
            services.AddMedlemStorage(database);
            services.AddMedlemDataProtection(database);
            services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));
            _services = services.BuildServiceProvider();

            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
            await db.Database.MigrateAsync();
            await DatabaseStartup.LoadDemoAsync(scope.ServiceProvider, Scale, Seed, TextWriter.Null, default);

            var stavanger = await db.Libraries.SingleAsync(l => l.Code == "stavanger");
            var period = InsightPeriod.Parse("12m", Today)!;
            Dashboard = await scope.ServiceProvider.GetRequiredService<InsightService>().GetAsync(new InsightScope((short)stavanger.Id), period, "nb");
            await using var connection = await scope.ServiceProvider.GetRequiredService<StatisticsStore>().OpenAsync();
            Stavanger = await InsightQuery.RunAsync(connection, new InsightScope((short)stavanger.Id), period, LoanBuckets.Default);
            Expected = DemoLibraryStatistics.Of(DemoGenerator.Generate(Scale, Seed, Today), "stavanger");
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        private sealed class TestEnvironment : IHostEnvironment
        {
            public string EnvironmentName { get; set; } = Environments.Development;
            public string ApplicationName { get; set; } = "Medlem.Tests";
            public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
            public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        }
    }

    [Fact]
    public void TheDashboard_MeetsTheGeneratedRegistersOwnFigures()
    {
        var f = _demo.Stavanger;
        var e = _demo.Expected;
        Assert.InRange(f.Current.Registered, e.RegisteredMembers * 0.99, e.RegisteredMembers * 1.01);
        Assert.InRange(f.Current.ActiveBorrowers, e.ActiveBorrowers * 0.99, e.ActiveBorrowers * 1.01);
        Assert.InRange(f.Current.ActiveUsers, e.ActiveUsers * 0.99, e.ActiveUsers * 1.01);
        Assert.InRange(f.Buckets[1].Members, e.OneToThreeLoans * 0.99, e.OneToThreeLoans * 1.01);
        foreach (var band in f.Bands)
        {
            var expected = e.Bands.Single(b => b.Band == band.Band.Label());
            Assert.InRange(band.MeanLoans, expected.MeanLoans - 0.05, expected.MeanLoans + 0.05);
        }
    }

    [Fact]
    public void NoCountOfFewerThanKPeople_AnywhereOnTheDashboard()
    {
        var people = _demo.Dashboard.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Where(c => c.Kind == CellKind.People).ToList();
        Assert.True(people.Count > 100);
        Assert.All(people, c => Assert.True(c.Value is null or 0 or >= 5, $"{c.Value} people shown"));
        Assert.Equal(5, _demo.Dashboard.Threshold);
    }

    [Fact]
    public void ALargePassiveShare()
    {
        // Seed: "a large share of passive borrowers"; the generator's working assumption is half (DemoCalibration.PassiveShare).
        var members = _demo.Dashboard["members"];
        var passiveShare = members.Rows.Single(r => r.Label.Value == "insight.passive-share").Cells[0].Value!.Value;
        Assert.InRange(passiveShare, DemoCalibration.PassiveShare - 0.05, DemoCalibration.PassiveShare + 0.05);
    }

    [Fact]
    public void ActiveBorrowersAndTheEasyGrowthGroup_AreTheSeedsStavangerAtThisScale()
    {
        // 26,766 active borrowers and 6,715 with 1–3 loans at scale 1 (calibrated to 0.3 % and 1.3 %). At 10 %
        // the counts are binomial draws from about 6,000 members: 3 σ is about 4 % and 11 % of the expected counts.
        var f = _demo.Stavanger;
        var borrowers = DemoCalibration.StavangerActiveBorrowers * Scale;
        var easy = DemoCalibration.StavangerOneToThreeLoanBorrowers * Scale;
        Assert.InRange(f.Current.ActiveBorrowers, borrowers * 0.95, borrowers * 1.05);
        Assert.InRange(f.Buckets[1].Members, easy * 0.87, easy * 1.13);
    }

    [Fact]
    public void SchoolChildrenBorrowMost_AndYoungAdultsLeast()
    {
        var bands = _demo.Stavanger.Bands;
        var most = bands.MaxBy(b => b.MeanLoans)!.Band;
        var least = bands.MinBy(b => b.MeanLoans)!.Band;
        Assert.Contains(most, new[] { AgeBand.Age6To12, AgeBand.Age13To15 });
        Assert.Contains(least, new[] { AgeBand.Age16To19, AgeBand.Age20To29 });

        // Seed: 16–29-year-olds borrow 1.76 on average (scale 1 gave 1.81); at 10 % the mean of about 1,000 members
        // moves by up to 0.3 (3 σ of a loan count with a standard deviation near 3).
        var young = bands.Where(b => b.Band is AgeBand.Age16To19 or AgeBand.Age20To29).ToList();
        var mean = young.Sum(b => b.MeanLoans * b.Members) / young.Sum(b => b.Members);
        Assert.InRange(mean, DemoCalibration.YoungAdultMeanLoans - 0.3, DemoCalibration.YoungAdultMeanLoans + 0.3);
    }

    [Fact]
    public void MostWifiUsers_AndManyEventGoers_HoldNoActiveCard()
    {
        var f = _demo.Stavanger;

        // Wifi: the seed's 28,835 devices a month, of which members' own devices are a small part.
        Assert.True(f.Wifi.WithoutMembershipPerMonth > 2 * f.Wifi.MembersPerMonth,
            $"unknown devices {f.Wifi.WithoutMembershipPerMonth:F0} a month, members {f.Wifi.MembersPerMonth:F0}");
        Assert.InRange(f.Wifi.WithoutMembershipPerMonth + f.Wifi.MembersPerMonth, 0.5 * DemoCalibration.StavangerWifiUniqueDevicesPerMonth * Scale, 1.5 * DemoCalibration.StavangerWifiUniqueDevicesPerMonth * Scale);

        // Events: people the register does not know (by e-mail or as head counts) fill the adult events up to the
        // seed's "nearly 35,000" adults a year; they outnumber the members who came with a card.
        var unknownAttendances = f.Events.Facts - (long)Math.Round(f.Events.MembersPerMonth * 12);
        Assert.True(f.Events.Anonymous + (f.Events.WithoutMembershipPerMonth * 12) > f.Events.Members,
            $"anonymous {f.Events.Anonymous}, unknown {f.Events.WithoutMembershipPerMonth:F0} a month, members {f.Events.Members}, other attendances {unknownAttendances}");
    }
}

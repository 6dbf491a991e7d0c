using System.Globalization;
using System.Text;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Statistics;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Insight;

/// <summary>
/// Stavanger's insight figures for 2026, small enough to count by hand. Kari (born March 1985, 41 on
/// 31 December 2026) and 14 more members, all valid since 2020, all of branch "hoved":
/// <code>
/// age band (born)         members  loans in March 2026 per member     borrowers  mean  median
/// 6–12  (May 2016)          2      1, 0                                  1        0.5   0.5
/// 16–19 (March 2008)        3      1, 0, 0                               1        0.3   0
/// 30–44 (Kari, Feb 1990)    5      2 (Kari), 1, 3, 0, 0                  3        1.2   1
/// 45–66 (June 1970)         5      1, 2, 1, 0, 0                         3        0.8   1
/// </code>
/// So for 2026: registered 15, active users = active borrowers 8, passive 7 (46.7 %), loans 12,
/// 0.8 per member; buckets 0: 7, 1–3: 8, the rest 0; channels: loans only 8, none 7. In 2025 nobody
/// was active. With k = 5 the 6–12 and 16–19 bands' member counts (2 and 3) are hidden, and every
/// band's borrowers (1, 1, 3, 3): the two shown bands, 30–44 and 45–66, give the finding (0.8 least,
/// 1.2 most). National: 12 loans, 1 to a child (the 10-year-old), 11 to adults.
/// </summary>
internal static class InsightData
{
    public const string Period = "2026";

    /// <summary>The hidden cell the tests look for: the 6–12 band has 2 members.</summary>
    public const string HiddenBand = "6–12";

    private static readonly (DateOnly Born, string Type, int[] Loans)[] Groups =
    [
        (new DateOnly(2016, 5, 1), DefaultMembershipTypes.Codes.Child, [1, 0]),
        (new DateOnly(2008, 3, 1), DefaultMembershipTypes.Codes.Youth, [1, 0, 0]),
        (new DateOnly(1990, 2, 1), DefaultMembershipTypes.Codes.Borrower, [1, 3, 0, 0]),
        (new DateOnly(1970, 6, 1), DefaultMembershipTypes.Codes.Borrower, [1, 2, 1, 0, 0]),
    ];

    public static async Task SeedAsync(MedlemApplication app, TestConsortium data)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        var library = data.Stavanger.Id;
        var branch = await db.Branches.Where(b => b.LibraryId == library).Select(b => b.Id).SingleAsync();
        var types = await db.MembershipTypes.Where(t => t.LibraryId == library).ToDictionaryAsync(t => t.Code, t => t.Id);
        var kari = await db.Memberships.SingleAsync(m => m.Id == data.StavangerMembership.Id);
        kari.HomeBranchId = branch;

        var loans = new StringBuilder("time,branch,type,item_id,card_number\n");
        AddLoans(loans, "STAV0001", 2);
        var n = 0;
        foreach (var (born, type, perMember) in Groups)
        {
            foreach (var count in perMember)
            {
                var card = $"INNS{++n:D4}";
                var person = new Person
                {
                    Id = Guid.NewGuid(), GivenName = $"Test{n}", FamilyName = "Innsikt", BirthDate = born,
                    CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
                };
                person.Memberships.Add(new Membership
                {
                    Id = Guid.NewGuid(), PersonId = person.Id, LibraryId = library, MembershipTypeId = types[type], HomeBranchId = branch,
                    Pseudonym = Guid.NewGuid(), ValidFrom = new DateOnly(2020, 1, 1), Verification = VerificationLevel.IdentityCheckedAtDesk,
                    CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
                    Cards = [new LibraryCard { LibraryId = library, Number = card, IssuedOn = new DateOnly(2020, 1, 1) }],
                });
                db.People.Add(person);
                AddLoans(loans, card, count);
            }
        }

        await db.SaveChangesAsync();
        var run = await new ActivityImporter(db, scope.ServiceProvider.GetRequiredService<StatisticsStore>(), app.Clock).ImportAsync(new ImportRequest
        {
            LibraryId = library, Kind = ImportKind.Loans, Content = new MemoryStream(Encoding.UTF8.GetBytes(loans.ToString())),
            FileName = "utlan.csv", Channel = "cli", RunBy = "test",
        });
        Assert.Equal(12, run.RowsLoaded);

        // The app's background job may have copied the memberships before these were added, and the test
        // clock stands still, so the copy would count as fresh for ever: copy them now.
        await scope.ServiceProvider.GetRequiredService<Medlem.Core.Insight.RosterSync>().RefreshAsync(TimeSpan.Zero);
    }

    private static void AddLoans(StringBuilder csv, string card, int count)
    {
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2026-03-{10 + i:D2} 10:00:00,hoved,issue,{card}-{i},{card}\n");
        }
    }
}

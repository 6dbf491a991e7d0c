using Medlem.Core.Members;
using Medlem.Core.Members.Guardians;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.Guardians;

// The guardian-approval link: one child, one use, seven days (GuardianApprovalLinks.ValidFor).
public class GuardianApprovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly GuardianInput Per = new("Per", "Hansen", 1980, HasParentalResponsibility: true);

    [Fact]
    public async Task TheLinkStoresOnlyTheTokensHash()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await AddChildAsync(database, database.LibraryA, "Ola");

        var token = await CreateAsync(database, membershipId);

        await using var db = database.NewContext();
        var link = await db.MemberLinks.SingleAsync(Ct);
        Assert.Equal(Core.Members.SignUp.MemberLinkTokens.HashOf(token), link.TokenHash);
        Assert.DoesNotContain(token, link.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TestClock.Now + TimeSpan.FromDays(7), link.ExpiresAt);
        Assert.True(Core.Members.SignUp.MemberLinkTokens.IsWellFormed(token));
    }

    [Fact]
    public async Task TheLinkWorksOnce_TheSecondUseIsRefused_AndChangesNothing()
    {
        using var database = TestDatabase.Create();
        var (childId, membershipId) = await AddChildAsync(database, database.LibraryA, "Ola");
        var token = await CreateAsync(database, membershipId);

        var first = await ApproveAsync(database, token, membershipId, Per);
        var rows = database.CountRows();
        var second = await ApproveAsync(database, token, membershipId, Per with { GivenName = "Noen" });

        Assert.True(first.Succeeded, first.Errors.ToString());
        Assert.Equal("Link: guardian.link-used", second.Errors.ToString());
        Assert.Equal(rows, database.CountRows());
        await using var db = database.NewContext();
        Assert.True(await db.Guardianships.AnyAsync(g => g.ChildId == childId && g.GuardianId == first.Value!.PersonId, Ct));
    }

    [Fact]
    public async Task TheLinkExpiresAfterSevenDays()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await AddChildAsync(database, database.LibraryA, "Ola");
        var token = await CreateAsync(database, membershipId);
        database.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal("Link: guardian.link-expired", (await ApproveAsync(database, token, membershipId, Per)).Errors.ToString());
    }

    [Fact]
    public async Task TheLinkIsForItsChildOnly()
    {
        using var database = TestDatabase.Create();
        var (_, emma) = await AddChildAsync(database, database.LibraryA, "Emma");
        var (_, noah) = await AddChildAsync(database, database.LibraryA, "Noah");
        var token = await CreateAsync(database, emma);

        Assert.Equal("Link: guardian.link-other-child", (await ApproveAsync(database, token, noah, Per)).Errors.ToString());
    }

    [Theory]
    [InlineData(2009, "BirthYear: guardian.too-young")] // 31.12.2009 is 16 on 28.11.2026
    [InlineData(2008, "BirthYear: guardian.too-young")] // 31.12.2008: 17; the year alone cannot show 18
    [InlineData(2007, "")]
    [InlineData(2027, "BirthYear: birthdate.future")]
    [InlineData(1890, "BirthYear: birthdate.too-old")]
    public void TheGuardiansBirthYear_IsJudgedAsTheYoungestTheyCanBe(int year, string expected)
    {
        var errors = new ValidationErrors();
        GuardianInputRules.CheckAll(Per with { BirthYear = year }, new MemberRules(), TestClock.Today, errors);
        Assert.Equal(expected, errors.ToString());
    }

    [Fact]
    public void ParentalResponsibility_MustBeConfirmed()
    {
        var errors = new ValidationErrors();
        Assert.Null(GuardianInputRules.CheckNames(Per with { HasParentalResponsibility = false }, errors));
        Assert.Equal("HasParentalResponsibility: guardian.responsibility-required", errors.ToString());
    }

    [Fact]
    public async Task AGuardianSeesOnlyTheirOwnChildren()
    {
        using var database = TestDatabase.Create();
        var (_, emma) = await AddChildAsync(database, database.LibraryA, "Emma");
        var (_, noah) = await AddChildAsync(database, database.LibraryB, "Noah");
        var per = (await ApproveAsync(database, await CreateAsync(database, emma), emma, Per)).Value!.PersonId;
        await ApproveAsync(database, await CreateAsync(database, noah, "other@example.org"), noah, Per with { GivenName = "Trond" });

        await using var db = database.NewContext();
        var children = new GuardianChildren(db, database.Rules, database.Clock);
        var mine = await children.ListAsync(per, Ct);
        Assert.Equal([emma], mine.Select(c => c.MembershipId));
        Assert.Null(await children.FindAsync(per, noah, Ct));
        Assert.False(mine[0].AwaitsGuardianApproval);
    }

    /// <summary>A child of 10 whose membership waits for a guardian, as a sign-up leaves it (the desk registers a guardian at once).</summary>
    private static async Task<(Guid PersonId, Guid MembershipId)> AddChildAsync(TestDatabase database, int libraryId, string given)
    {
        await using var db = database.NewContext();
        var typeId = await db.MembershipTypes.Where(t => t.LibraryId == libraryId && t.Code == DefaultMembershipTypes.Codes.Child).Select(t => t.Id).SingleAsync(Ct);
        var person = new Person { Id = Guid.NewGuid(), GivenName = given, FamilyName = "Nordmann", BirthDate = new DateOnly(2016, 5, 1), CreatedAt = TestClock.Now, UpdatedAt = TestClock.Now };
        var membership = new Membership
        {
            Id = Guid.NewGuid(), PersonId = person.Id, LibraryId = libraryId, MembershipTypeId = typeId, Pseudonym = Guid.NewGuid(),
            ValidFrom = TestClock.Today, Verification = VerificationLevel.IdentityCheckedAtDesk, CreatedAt = TestClock.Now, UpdatedAt = TestClock.Now,
        };
        person.Memberships.Add(membership);
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return (person.Id, membership.Id);
    }

    private static async Task<string> CreateAsync(TestDatabase database, Guid membershipId, string email = "per@example.org")
    {
        await using var db = database.NewContext();
        var outcome = await new GuardianApprovalLinks(db, database.Rules, database.Clock).CreateAsync(membershipId, email, Ct);
        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        return outcome.Value!;
    }

    private static async Task<Outcome<ApprovingGuardian>> ApproveAsync(TestDatabase database, string token, Guid membershipId, GuardianInput input)
    {
        await using var db = database.NewContext();
        var links = new GuardianApprovalLinks(db, database.Rules, database.Clock);
        return await new ApproveChild(db, database.Rules, database.Clock, links).ByEmailAsync(token, membershipId, input, Ct);
    }
}

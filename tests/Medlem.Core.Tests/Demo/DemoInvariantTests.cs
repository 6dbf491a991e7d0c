using System.Text.RegularExpressions;
using Medlem.Core.Consortium;
using Medlem.Core.Demo;
using Medlem.Core.Members;
using Xunit;

namespace Medlem.Core.Tests.Demo;

/// <summary>Rules every generated consortium must keep, whatever the calibration: checked on the full-size data.</summary>
[Collection(DemoScaleOneGroup.Name)]
public sealed partial class DemoInvariantTests(DemoScaleOneFixture fixture)
{
    private static readonly DateOnly Today = DemoScaleOneFixture.Today;
    private static readonly Dictionary<string, MembershipType> Types =
        DefaultMembershipTypes.For(0).ToDictionary(t => t.Code, StringComparer.Ordinal);

    private readonly DemoData _data = fixture.Data;

    [Fact]
    public void Card_numbers_are_unique_per_library_and_carry_a_Luhn_check_digit()
    {
        foreach (var library in _data.Cards.GroupBy(c => c.LibraryCode))
        {
            Assert.Equal(library.Count(), library.Select(c => c.Number).Distinct(StringComparer.Ordinal).Count());
        }

        Assert.All(_data.Cards, c => Assert.True(c.Number.Length == 10 && CardNumbers.HasValidCheckDigit(c.Number), c.Number));
    }

    [Fact]
    public void Every_membership_has_exactly_one_active_card_and_some_have_a_replaced_one()
    {
        var cards = _data.Cards.ToLookup(c => c.MembershipId);
        Assert.All(_data.Memberships, m => Assert.Single(cards[m.Id], c => c.Status == CardStatus.Active));
        Assert.Contains(_data.Cards, c => c.Status == CardStatus.Lost);
        Assert.Contains(_data.Cards, c => c.Status == CardStatus.Blocked);
    }

    [Fact]
    public void Every_child_under_15_has_an_adult_guardian()
    {
        var people = _data.People.ToDictionary(p => p.Id);
        var guardians = _data.Guardianships.ToLookup(g => g.ChildId);
        var children = _data.People.Where(p => Ages.YearsBetween(p.BirthDate, Today) < 15).ToList();

        Assert.NotEmpty(children);
        Assert.All(children, child =>
        {
            var own = guardians[child.Id].ToList();
            Assert.InRange(own.Count, 1, 2);
            Assert.All(own, g => Assert.True(Ages.YearsBetween(people[g.GuardianId].BirthDate, Today) >= 18));
        });
    }

    [Fact]
    public void Most_guardians_approved_and_some_are_members_themselves()
    {
        var memberIds = _data.Memberships.Select(m => m.PersonId).ToHashSet();
        var guardianIds = _data.Guardianships.Select(g => g.GuardianId).Distinct().ToList();
        Assert.InRange((double)guardianIds.Count(memberIds.Contains) / guardianIds.Count, 0.3, 0.9);

        var births = _data.People.ToDictionary(p => p.Id, p => p.BirthDate);
        var children = _data.Memberships.Where(m => Ages.YearsBetween(births[m.PersonId], Today) < 15 && m.ValidTo is null).ToList();
        var approved = children.Count(m => m.GuardianApprovedAt is not null && m.ApprovedByGuardianId is not null);
        Assert.InRange((double)approved / children.Count, 0.9, 0.995);
    }

    [Fact]
    public void Membership_types_fit_the_age_when_in_force_or_when_they_ended()
    {
        var births = _data.People.ToDictionary(p => p.Id, p => p.BirthDate);
        Assert.All(_data.Memberships, m =>
        {
            var day = m.ValidTo is { } end && end < Today ? end : Today;
            var age = Ages.YearsBetween(births[m.PersonId], day);
            Assert.True(Types[m.TypeCode].AllowsAge(age), $"{m.TypeCode} at age {age}");
        });
    }

    [Fact]
    public void Each_city_library_has_every_default_type_and_all_kinds_of_status()
    {
        var rules = new MembershipStatusRules();
        var births = _data.People.ToDictionary(p => p.Id, p => p.BirthDate);
        foreach (var city in DemoConsortium.Cities)
        {
            var memberships = _data.Memberships.Where(m => m.LibraryCode == city.Code).ToList();
            Assert.Equal(Types.Keys.Order(StringComparer.Ordinal), memberships.Select(m => m.TypeCode).Distinct().Order(StringComparer.Ordinal));

            var statuses = memberships.Select(m => rules.Evaluate(ToEntity(m), Types[m.TypeCode], births[m.PersonId], Today)).ToList();
            Assert.Equal(Enum.GetValues<MembershipStatus>().Order(), statuses.Distinct().Order());
            var share = (MembershipStatus s) => (double)statuses.Count(x => x == s) / statuses.Count;
            Assert.InRange(share(MembershipStatus.Pending), 0.005, 0.03);
            Assert.InRange(share(MembershipStatus.Blocked), 0.001, 0.01);
            Assert.InRange(share(MembershipStatus.Lapsed), 0.05, 0.15);
            Assert.InRange(share(MembershipStatus.New), 0.02, 0.12);
            Assert.Contains(memberships, m => m.OnUserPanel);
            Assert.All(memberships.Where(m => m.BlockedAt is not null), m => Assert.False(string.IsNullOrWhiteSpace(m.BlockReason)));
        }
    }

    [Fact]
    public void Verification_meets_the_type_except_for_recent_pending_members()
    {
        Assert.All(_data.Memberships.Where(m => m.Verification < Types[m.TypeCode].RequiredVerification), m =>
            Assert.InRange(Today.DayNumber - m.ValidFrom.DayNumber, 0, 30));
    }

    [Fact]
    public void National_identity_numbers_are_synthetic_valid_and_match_the_birth_date()
    {
        var withNumber = _data.People.Where(p => p.NationalIdentityNumber is not null).ToList();
        Assert.NotEmpty(withNumber);
        Assert.All(withNumber, p =>
        {
            var number = p.NationalIdentityNumber!;
            var check = NationalIdentityNumber.Check(number, allowSynthetic: true);
            Assert.True(check.IsValid, number);
            Assert.True(check.IsSynthetic, number);
            Assert.True(int.Parse(number.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture) > 80, number);
            Assert.Equal(p.BirthDate, check.BirthDate);
        });
        Assert.Equal(withNumber.Count, withNumber.Select(p => p.NationalIdentityNumber).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Identity_numbers_are_held_by_most_identity_checked_adults_and_no_digital_only_member()
    {
        var births = _data.People.ToDictionary(p => p.Id);
        var byPerson = _data.Memberships.ToLookup(m => m.PersonId);
        var digitalOnly = byPerson.Where(g => g.All(m => m.TypeCode is DefaultMembershipTypes.Codes.Digital or DefaultMembershipTypes.Codes.NationalDigital));
        Assert.All(digitalOnly, g => Assert.Null(births[g.Key].NationalIdentityNumber));

        var checkedAdults = byPerson
            .Where(g => g.All(m => m.TypeCode is not (DefaultMembershipTypes.Codes.Digital or DefaultMembershipTypes.Codes.NationalDigital)
                && m.Verification >= VerificationLevel.IdentityCheckedAtDesk))
            .Select(g => births[g.Key])
            .Where(p => Ages.YearsBetween(p.BirthDate, Today) >= 18)
            .ToList();
        Assert.InRange((double)checkedAdults.Count(p => p.NationalIdentityNumber is not null) / checkedAdults.Count, 0.8, 0.95);
    }

    [Fact]
    public void Contact_points_use_only_example_domains_and_Norwegian_mobile_format()
    {
        var contacts = _data.People.SelectMany(p => p.ContactPoints).ToList();
        var emails = contacts.Where(c => c.Kind == ContactKind.Email).Select(c => c.Value).ToList();
        Assert.All(emails, e => Assert.Matches(ExampleEmail(), e));
        Assert.Equal(emails.Count, emails.Distinct(StringComparer.Ordinal).Count());
        Assert.All(contacts.Where(c => c.Kind == ContactKind.Mobile), c => Assert.Matches(NorwegianMobile(), c.Value));
        Assert.All(DemoConsortium.Libraries(), l => Assert.EndsWith("@example.org", l.DataProtectionOfficerEmail, StringComparison.Ordinal));
    }

    [Fact]
    public void Identifiers_and_pseudonyms_are_unique()
    {
        Assert.Equal(_data.People.Count, _data.People.Select(p => p.Id).Distinct().Count());
        Assert.Equal(_data.Memberships.Count, _data.Memberships.Select(m => m.Id).Distinct().Count());
        Assert.Equal(_data.Memberships.Count, _data.Memberships.Select(m => m.Pseudonym).Distinct().Count());
        Assert.Empty(_data.Memberships.Select(m => m.Pseudonym).Intersect(_data.Memberships.Select(m => m.Id)));
    }

    [Fact]
    public void Activity_summary_is_consistent_with_the_dates()
    {
        var periodStart = DemoCalibration.PeriodStart(Today);
        Assert.All(_data.Memberships, m =>
        {
            Assert.Equal(Today, m.ActivityAsOf);
            Assert.True(m.LastUsedOn is null || (m.LastUsedOn >= m.ValidFrom && m.LastUsedOn <= Today));
            Assert.True(m.LastUsedOn is null || m.ValidTo is null || m.LastUsedOn <= m.ValidTo);
            if (m.LoansLast12Months > 0)
            {
                Assert.True(m.LastUsedOn >= periodStart);
                Assert.True(DemoActivityCheck.AllowsLoans(m.TypeCode));
            }

            Assert.Equal(m.LastUsedOn >= periodStart, m.Profile != DemoActivityProfile.None);
        });
    }

    [Fact]
    public void Consortium_is_the_four_cities_with_school_libraries_and_valid_organisation_numbers()
    {
        var libraries = _data.Libraries;
        Assert.Equal(["stavanger", "bergen", "trondheim", "kristiansand"], libraries.Where(l => l.Kind == LibraryKind.Public).Select(l => l.Code));
        Assert.All(libraries.Where(l => l.Kind == LibraryKind.School).GroupBy(l => l.ParentCode), g => Assert.InRange(g.Count(), 2, 3));
        Assert.All(libraries, l => Assert.True(OrganisationNumber.IsValid(l.OrganisationNumber), l.OrganisationNumber));
        Assert.Equal(libraries.Count, libraries.Select(l => l.OrganisationNumber).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(libraries.Count, libraries.Select(l => l.CardPrefix).Distinct(StringComparer.Ordinal).Count());
        Assert.All(libraries, l => Assert.Single(l.Branches, b => b.IsMain));
    }

    [Fact]
    public void Staff_has_one_account_per_role_in_each_city_and_a_desk_account_in_each_school()
    {
        Assert.Contains(_data.StaffAccounts, s => s.UserName == "skranke.stavanger" && s.Roles == StaffRoles.Desk);
        foreach (var city in DemoConsortium.Cities)
        {
            var roles = _data.StaffAccounts.Where(s => s.LibraryCode == city.Code).Aggregate(StaffRoles.None, (r, s) => r | s.Roles);
            Assert.Equal(StaffRoles.Desk | StaffRoles.CustomerCare | StaffRoles.Analyst | StaffRoles.DataProtectionOfficer | StaffRoles.Administrator, roles);
        }

        Assert.All(_data.Libraries.Where(l => l.Kind == LibraryKind.School), l =>
            Assert.Single(_data.StaffAccounts, s => s.LibraryCode == l.Code && s.Roles == StaffRoles.Desk));
        Assert.Equal(_data.StaffAccounts.Count, _data.StaffAccounts.Select(s => s.UserName).Distinct(StringComparer.Ordinal).Count());
    }

    private static Membership ToEntity(DemoMembership m) => new()
    {
        ValidFrom = m.ValidFrom, ValidTo = m.ValidTo, Verification = m.Verification, GuardianApprovedAt = m.GuardianApprovedAt,
        BlockedAt = m.BlockedAt, LastUsedOn = m.LastUsedOn, LoansLast12Months = m.LoansLast12Months, OnUserPanel = m.OnUserPanel,
    };

    [GeneratedRegex(@"^[a-z0-9.]+@example\.(org|com|net)$")]
    private static partial Regex ExampleEmail();

    [GeneratedRegex(@"^\+47[49][0-9]{7}$")]
    private static partial Regex NorwegianMobile();
}

internal static class DemoActivityCheck
{
    public static bool AllowsLoans(string code) =>
        (DefaultMembershipTypes.For(0).Single(t => t.Code == code).Benefits & MembershipBenefits.PhysicalLoans) != 0;
}

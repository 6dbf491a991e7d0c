using Medlem.Core.Members;
using Codes = Medlem.Core.Members.DefaultMembershipTypes.Codes;

namespace Medlem.Core.Demo;

/// <summary>
/// Generates the members of one city library: people of the right ages, their guardians, and
/// memberships with types, dates and verification consistent with the rules. Adults come first so
/// that children can find parents among them, as guardians often are members themselves.
/// </summary>
internal sealed class DemoCityMembers(DemoCity city, DateOnly today, Random random, DemoPeople people, List<PersonDraft> otherCitiesAdults)
{
    /// <summary>Memberships that lapsed before the period, per registered member: former members still on file.</summary>
    public const double LapsedBeforePeriodShare = 0.06;

    /// <summary>Registered members whose membership ended during the period.</summary>
    public const double LapsedInPeriodShare = 0.03;

    /// <summary>Adults who also hold a membership in an earlier-generated city (students, commuters, national digital users).</summary>
    public const double CrossLibraryShare = 0.015;

    /// <summary>Extra share of joins within the last 90 days, on top of the recency of the join-date curve.</summary>
    public const double RecentJoinShare = 0.03;

    public const double PendingShare = 0.012;
    public const double ChildAwaitingGuardianShare = 0.03;
    public const double BlockedShare = 0.005;

    private static readonly string[] BlockReasons =
    [
        "Ubetalt erstatning for tapt materiale",
        "Materiale ikke levert etter tredje purring",
        "Sperret etter avtale med låneren",
        "Adresse må bekreftes i skranken",
    ];

    private readonly Dictionary<int, List<PersonDraft>> _adultsByBirthYear = [];

    public List<MembershipDraft> Memberships { get; } = [];

    /// <summary>Child members aged 6–15, from whom the school libraries draw their pupils.</summary>
    public List<PersonDraft> SchoolAgeMembers { get; } = [];

    public List<PersonDraft> Adults { get; } = [];

    public void Generate(int registered)
    {
        var lapsedBefore = (int)Math.Round(registered * LapsedBeforePeriodShare);
        var drafts = new List<(int Age, LapseKind Lapse)>(registered + lapsedBefore);
        for (var i = 0; i < registered + lapsedBefore; i++)
        {
            // Only members of 12 or more can have left: a younger child's membership has not had the time.
            var lapse = i >= registered ? LapseKind.BeforePeriod : random.Chance(LapsedInPeriodShare) ? LapseKind.InPeriod : LapseKind.None;
            var age = DemoPopulation.SampleAge(random);
            while (lapse != LapseKind.None && age < 12)
            {
                age = DemoPopulation.SampleAge(random);
            }

            drafts.Add((age, lapse));
        }

        // Adults first, so children find guardians among them; a stable sort keeps it deterministic.
        foreach (var (age, lapse) in drafts.Where(d => d.Age >= 18).Concat(drafts.Where(d => d.Age < 18)))
        {
            AddMember(age, lapse);
        }
    }

    private void AddMember(int age, LapseKind lapse)
    {
        var periodStart = DemoCalibration.PeriodStart(today);
        DateOnly? validTo = lapse switch
        {
            LapseKind.InPeriod => today.AddDays(-random.Between(1, today.DayNumber - periodStart.DayNumber)),
            LapseKind.BeforePeriod => periodStart.AddDays(-random.Between(1, Math.Min(8 * 365, (age - 10) * 365))),
            _ => null,
        };

        var reuse = age >= 18 && lapse == LapseKind.None && otherCitiesAdults.Count > 0 && random.Chance(CrossLibraryShare);
        var existing = reuse ? random.Pick(otherCitiesAdults) : null;
        var birth = existing?.BirthDate ?? DemoPopulation.BirthDateFor(age, today, random);
        age = Ages.YearsBetween(birth, today);
        var ageAtEnd = Ages.YearsBetween(birth, validTo ?? today);
        var code = DemoMembershipRules.ChooseType(ageAtEnd, random);

        var pending = validTo is null && random.Chance(PendingShare);
        var awaitsGuardian = validTo is null && !pending && age < 15 && random.Chance(ChildAwaitingGuardianShare);
        var latest = validTo is { } end ? end.AddDays(-30) : today;
        var validFrom = pending || awaitsGuardian
            ? today.AddDays(-random.Next(30))
            : DemoMembershipRules.ValidFrom(code, birth, today, latest, random.Chance(RecentJoinShare), random);
        var createdAt = DemoMembershipRules.During(validFrom, random);
        var verification = pending ? DemoMembershipRules.PendingLevel(code, random) : DemoMembershipRules.VerifiedLevel(code, ageAtEnd, random);

        PersonDraft? approver = null;
        PersonDraft person;
        if (existing is not null)
        {
            person = existing;
        }
        else if (age < 15)
        {
            var (first, second) = ChooseGuardians(birth, createdAt);
            person = NewPerson(birth, age, code, verification, createdAt, first);
            Link(person, first, createdAt);
            if (second is not null)
            {
                Link(person, second, createdAt);
            }

            approver = first;
        }
        else
        {
            person = NewPerson(birth, age, code, verification, createdAt, null);
        }

        var membership = new MembershipDraft
        {
            Id = random.NextGuid(),
            Person = person,
            LibraryCode = city.Code,
            TypeCode = code,
            HomeBranchCode = DemoMembershipRules.IsDigitalOnly(code) ? null
                : person.CityCode == city.Code && person.Street is { } street ? street.BranchCode
                : city.Branches[0].Code,
            Pseudonym = random.NextGuid(),
            ValidFrom = validFrom,
            ValidTo = validTo ?? (code == Codes.Student ? NextAugustEnd(today) : null),
            Verification = verification,
            VerifiedAt = verification > VerificationLevel.None ? createdAt.AddMinutes(random.Next(1, 20)) : null,
            GuardianApprovedAt = approver is not null && !awaitsGuardian ? createdAt.AddMinutes(random.Next(5, 240)) : null,
            ApprovedByGuardianId = awaitsGuardian ? null : approver?.Id,
            CreatedAt = createdAt,
            Pending = pending || awaitsGuardian,
        };

        if (!membership.Pending && validTo is null && random.Chance(BlockedShare))
        {
            var blockedOn = DemoMembershipRules.Max(validFrom, today.AddDays(-random.Between(1, 700)));
            membership.BlockedAt = DemoMembershipRules.During(blockedOn, random);
            membership.BlockReason = random.Pick(BlockReasons);
        }

        Memberships.Add(membership);
        if (existing is null && age is >= DemoCalibration.SchoolChildMinAge and <= DemoCalibration.SchoolChildMaxAge && validTo is null)
        {
            SchoolAgeMembers.Add(person);
        }
    }

    private PersonDraft NewPerson(DateOnly birth, int age, string code, VerificationLevel verification, DateTimeOffset createdAt, PersonDraft? parent)
    {
        var digital = DemoMembershipRules.IsDigitalOnly(code);
        var person = people.Create(new DemoPeople.Request(
            birth, city.Code, createdAt,
            WithIdentityNumber: age >= 18 && !digital && verification >= VerificationLevel.IdentityCheckedAtDesk && random.Chance(0.9),
            EmailVerified: verification >= VerificationLevel.EmailVerified,
            EmailChance: digital ? 1.0 : age >= 18 ? 0.93 : age >= 13 ? 0.7 : 0.0,
            MobileChance: age >= 18 ? 0.6 : age >= 13 ? 0.4 : 0.0,
            OtherOrigin: parent?.OtherOrigin,
            FamilyName: parent is null ? null : random.Chance(0.85) ? parent.FamilyName : null,
            Street: parent?.Street,
            Address: parent?.Address,
            WithoutAddress: parent is null ? code == Codes.Digital && random.Chance(0.4) : parent.Address is null));
        if (age >= 18)
        {
            Adults.Add(person);
            var year = birth.Year;
            if (!_adultsByBirthYear.TryGetValue(year, out var list))
            {
                _adultsByBirthYear[year] = list = [];
            }

            list.Add(person);
        }

        return person;
    }

    /// <summary>
    /// One or two guardians for a child born on <paramref name="birth"/>: often adult members
    /// already (a parent who borrows), otherwise a non-member person. The first approves the
    /// membership and gives the child a family name and an address.
    /// </summary>
    internal (PersonDraft First, PersonDraft? Second) ChooseGuardians(DateOnly birth, DateTimeOffset createdAt)
    {
        var first = FindGuardian(birth, 0.6, createdAt, null);
        var second = random.Chance(0.75) ? FindGuardian(birth, 0.45, createdAt, first) : null;
        return (first, second);
    }

    internal void Link(PersonDraft child, PersonDraft guardian, DateTimeOffset createdAt)
    {
        FirstGuardianOf.TryAdd(child.Id, guardian);
        guardian.Children++;
        Guardianships.Add(new DemoGuardianship(child.Id, guardian.Id, createdAt));
    }

    private PersonDraft FindGuardian(DateOnly childBirth, double memberChance, DateTimeOffset createdAt, PersonDraft? other)
    {
        if (random.Chance(memberChance)
            && _adultsByBirthYear.TryGetValue(childBirth.Year - random.Between(22, 42), out var candidates))
        {
            var candidate = random.Pick(candidates);
            if (candidate.Children < 4 && candidate != other)
            {
                return candidate;
            }
        }

        return people.Create(new DemoPeople.Request(
            childBirth.AddYears(-random.Between(22, 42)).AddDays(-random.Next(365)), city.Code, createdAt,
            WithIdentityNumber: false, EmailVerified: false, EmailChance: 0.9, MobileChance: 0.7,
            Female: other is null ? random.Chance(0.6) : !other.Female,
            OtherOrigin: other?.OtherOrigin, FamilyName: other is not null && random.Chance(0.6) ? other.FamilyName : null,
            Street: other?.Street, Address: other?.Address));
    }

    public List<DemoGuardianship> Guardianships { get; } = [];

    /// <summary>The guardian who approves a child's memberships, by child id.</summary>
    public Dictionary<Guid, PersonDraft> FirstGuardianOf { get; } = [];

    private static DateOnly NextAugustEnd(DateOnly today)
    {
        var end = new DateOnly(today.Year, 8, 31);
        return end >= today ? end : end.AddYears(1);
    }

    private enum LapseKind
    {
        None,
        InPeriod,
        BeforePeriod,
    }
}

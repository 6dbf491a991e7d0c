using Medlem.Core.Members;
using Codes = Medlem.Core.Members.DefaultMembershipTypes.Codes;

namespace Medlem.Core.Demo;

/// <summary>
/// Members of a municipality's school libraries: pupils of grades 1–10 (most of them also members
/// of the city library, so one person holds memberships of two controllers) and a few teachers.
/// School libraries are not part of the calibration; their pupils simply borrow a lot.
/// </summary>
internal sealed class DemoSchoolMembers(DemoCityMembers city, DemoCity cityInfo, DateOnly today, Random random, DemoPeople people)
{
    public const int MinPupils = 250;
    public const int MaxPupils = 450;
    public const int Teachers = 12;
    public const double CityMemberShare = 0.75;

    private readonly HashSet<Guid> _enrolled = [];

    public List<MembershipDraft> Memberships { get; } = [];

    public void Generate(double scale)
    {
        var pupilsPool = city.SchoolAgeMembers.Where(p => InSchool(p.BirthDate)).ToList();
        foreach (var school in cityInfo.Schools)
        {
            var pupils = Math.Max(1, (int)Math.Round(scale * random.Between(MinPupils, MaxPupils)));
            for (var i = 0; i < pupils; i++)
            {
                AddPupil(school, pupilsPool);
            }

            var teachers = Math.Max(1, (int)Math.Round(scale * Teachers));
            for (var i = 0; i < teachers; i++)
            {
                AddTeacher(school);
            }
        }
    }

    /// <summary>In grades 1–10 today: started school in August of the year of turning 6, leaves in June of the year of turning 16.</summary>
    private bool InSchool(DateOnly birth) => SchoolStart(birth) <= today && SchoolEnd(birth) >= today;

    private static DateOnly SchoolStart(DateOnly birth) => new(birth.Year + 6, 8, 15);

    private static DateOnly SchoolEnd(DateOnly birth) => new(birth.Year + 16, 6, 20);

    private void AddPupil(DemoSchool school, List<PersonDraft> pool)
    {
        PersonDraft? pupil = null;
        if (pool.Count > 0 && random.Chance(CityMemberShare))
        {
            var candidate = random.Pick(pool);
            pupil = _enrolled.Add(candidate.Id) ? candidate : null;
        }

        PersonDraft? approver;
        var validFrom = pupil is null ? default : MaxDate(SchoolStart(pupil.BirthDate), today.AddYears(-DemoMembershipRules.HistoryYears));
        if (pupil is null)
        {
            DateOnly birth;
            do
            {
                birth = today.AddYears(-17).AddDays(random.Next(12 * 365));
            }
            while (!InSchool(birth));

            validFrom = SchoolStart(birth);
            var createdAt = DemoMembershipRules.During(validFrom, random);
            var (first, second) = city.ChooseGuardians(birth, createdAt);
            pupil = people.Create(new DemoPeople.Request(
                birth, cityInfo.Code, createdAt, WithIdentityNumber: false, EmailVerified: false, EmailChance: 0, MobileChance: 0,
                OtherOrigin: first.OtherOrigin, FamilyName: random.Chance(0.85) ? first.FamilyName : null,
                Street: first.Street, Address: first.Address, WithoutAddress: first.Address is null));
            city.Link(pupil, first, createdAt);
            if (second is not null)
            {
                city.Link(pupil, second, createdAt);
            }

            _enrolled.Add(pupil.Id);
            approver = first;
        }
        else
        {
            approver = city.FirstGuardianOf.GetValueOrDefault(pupil.Id);
        }

        var age = Ages.YearsBetween(pupil.BirthDate, today);
        var at = DemoMembershipRules.During(validFrom, random);
        var needsGuardian = age < 15;
        Memberships.Add(new MembershipDraft
        {
            Id = random.NextGuid(),
            Person = pupil,
            LibraryCode = school.Code,
            TypeCode = age <= 14 ? Codes.Child : Codes.Youth,
            HomeBranchCode = "skolebibliotek",
            Pseudonym = random.NextGuid(),
            ValidFrom = validFrom,
            ValidTo = SchoolEnd(pupil.BirthDate),
            Verification = VerificationLevel.IdentityCheckedAtDesk,
            VerifiedAt = at,
            GuardianApprovedAt = needsGuardian ? at.AddMinutes(random.Next(5, 240)) : null,
            ApprovedByGuardianId = needsGuardian ? approver?.Id : null,
            CreatedAt = at,
        });
    }

    private void AddTeacher(DemoSchool school)
    {
        var adults = city.Adults;
        var teacher = adults.Count > 0 && random.Chance(0.5) ? random.Pick(adults) : null;
        var validFrom = today.AddDays(-random.Next(8 * 365));
        var at = DemoMembershipRules.During(validFrom, random);
        if (teacher is null || Ages.YearsBetween(teacher.BirthDate, today) is < 25 or > 66)
        {
            var birth = DemoPopulation.BirthDateFor(random.Between(25, 66), today, random);
            teacher = people.Create(new DemoPeople.Request(
                birth, cityInfo.Code, at, WithIdentityNumber: random.Chance(0.9), EmailVerified: true, EmailChance: 1, MobileChance: 0.6));
        }

        Memberships.Add(new MembershipDraft
        {
            Id = random.NextGuid(),
            Person = teacher,
            LibraryCode = school.Code,
            TypeCode = Codes.Borrower,
            HomeBranchCode = "skolebibliotek",
            Pseudonym = random.NextGuid(),
            ValidFrom = validFrom,
            Verification = VerificationLevel.IdentityCheckedAtDesk,
            VerifiedAt = at,
            CreatedAt = at,
        });
    }

    /// <summary>Pupils borrow a lot at school: 85 % borrow, about 11 loans a year each.</summary>
    public void ApplyActivity()
    {
        var periodStart = DemoCalibration.PeriodStart(today);
        foreach (var m in Memberships)
        {
            var age = Ages.YearsBetween(m.Person.BirthDate, today);
            var start = MaxDate(m.ValidFrom, periodStart);
            if (start > today || !random.Chance(age < 18 ? 0.85 : 0.6))
            {
                continue;
            }

            var rate = random.Gamma(1.5, 10.0 / 1.5);
            m.Loans = 1 + random.Poisson(rate);
            m.LastUsedOn = start.AddDays((int)((today.DayNumber - start.DayNumber) * Math.Pow(random.NextDouble(), 1.0 / m.Loans)));
            m.Profile = DemoActivityProfiles.ForBorrower(age, 1.0 + rate, random);
        }
    }

    private static DateOnly MaxDate(DateOnly a, DateOnly b) => a > b ? a : b;
}

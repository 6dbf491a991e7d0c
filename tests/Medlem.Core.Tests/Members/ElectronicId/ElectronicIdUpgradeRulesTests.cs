using Medlem.Core.Members;
using Medlem.Core.Members.ElectronicId;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Members.ElectronicId;

// Person.BirthYearOnly: a digital sign-up knows the year only, stored as 31 December; electronic ID
// then gives the real date. A year that differs, or a full date that differs, is not overwritten.
public class ElectronicIdUpgradeRulesTests
{
    private static readonly ElectronicIdentity Identity1952 =
        ElectronicIdentity.Read(TestMembers.SyntheticNin1952, new string('a', 64), allowSynthetic: true).Identity!;

    private static Person PersonBorn(DateOnly birthDate, bool yearOnly, string? number = null) => new()
    {
        GivenName = "Kari", FamilyName = "Nordmann", BirthDate = birthDate, BirthYearOnly = yearOnly, NationalIdentityNumber = number,
    };

    [Fact]
    public void TheSameBirthYear_Agrees_WhenOnlyTheYearIsKnown() =>
        Assert.Null(ElectronicIdUpgradeRules.Disagreement(PersonBorn(new DateOnly(1952, 12, 31), yearOnly: true), Identity1952));

    [Fact]
    public void AnotherBirthYear_Disagrees() =>
        Assert.Equal(ElectronicIdRefusal.BirthDateDiffers, ElectronicIdUpgradeRules.Disagreement(PersonBorn(new DateOnly(1953, 12, 31), yearOnly: true), Identity1952));

    [Fact]
    public void AFullDateFromTheDesk_MustBeTheNumbersDate()
    {
        Assert.Null(ElectronicIdUpgradeRules.Disagreement(PersonBorn(TestMembers.SyntheticNin1952BirthDate, yearOnly: false), Identity1952));
        Assert.Equal(ElectronicIdRefusal.BirthDateDiffers, ElectronicIdUpgradeRules.Disagreement(PersonBorn(new DateOnly(1952, 10, 13), yearOnly: false), Identity1952));
    }

    [Fact]
    public void AnotherNumberOnRecord_Disagrees_TheSameNumberWithSpacesDoesNot()
    {
        var born = TestMembers.SyntheticNin1952BirthDate;
        Assert.Equal(ElectronicIdRefusal.AnotherNumberOnRecord, ElectronicIdUpgradeRules.Disagreement(PersonBorn(born, false, "12905299946"), Identity1952));
        Assert.Null(ElectronicIdUpgradeRules.Disagreement(PersonBorn(born, false, "129052 99938"), Identity1952));
    }

    [Fact]
    public void Apply_StoresNumberAndDate_AndRaisesEveryMembershipToElectronicId_ButNeverLowersOne()
    {
        var person = PersonBorn(new DateOnly(1952, 12, 31), yearOnly: true);
        person.Memberships.Add(new Membership { Verification = VerificationLevel.EmailVerified });
        person.Memberships.Add(new Membership { Verification = VerificationLevel.ElectronicId, VerifiedAt = TestClock.Now.AddYears(-1) });

        ElectronicIdUpgradeRules.Apply(person, Identity1952, TestClock.Now);

        Assert.Equal((TestMembers.SyntheticNin1952, TestMembers.SyntheticNin1952BirthDate, false), (person.NationalIdentityNumber, person.BirthDate, person.BirthYearOnly));
        Assert.All(person.Memberships, m => Assert.Equal(VerificationLevel.ElectronicId, m.Verification));
        Assert.Equal(TestClock.Now.AddYears(-1), person.Memberships[1].VerifiedAt); // already verified: its date stays
    }
}

using Medlem.Core.Members;
using Medlem.Core.Members.ElectronicId;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Members.ElectronicId;

// The pid claim is ID-porten's name for the national identity number in the ID token; it is read
// through NationalIdentityNumber.Check, so the same Skatteetaten rules hold as at the desk.
public class ElectronicIdentityTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoPid_IsRefusedAsMissing(string? pid)
    {
        var read = ElectronicIdentity.Read(pid, Hash, allowSynthetic: true);
        Assert.Null(read.Identity);
        Assert.Equal(ElectronicIdRefusal.PidMissing, read.Refusal);
    }

    [Theory]
    [InlineData("12905299939")] // the Tenor example with its last digit changed: k2 fails
    [InlineData("1290529993")] // ten digits
    [InlineData("12905299938x")]
    public void AMalformedPid_IsRefusedAsInvalid(string pid) =>
        Assert.Equal(ElectronicIdRefusal.PidInvalid, ElectronicIdentity.Read(pid, Hash, allowSynthetic: true).Refusal);

    [Fact]
    public void ASyntheticPid_PassesOnlyWhereSyntheticNumbersAreAllowed()
    {
        Assert.Equal(ElectronicIdRefusal.PidInvalid, ElectronicIdentity.Read(TestMembers.SyntheticNin1952, Hash, allowSynthetic: false).Refusal);
        Assert.NotNull(ElectronicIdentity.Read(TestMembers.SyntheticNin1952, Hash, allowSynthetic: true).Identity);
    }

    [Fact]
    public void AValidPid_GivesTheDigits_AndTheBirthDateTheNumberEncodes()
    {
        var identity = ElectronicIdentity.Read("129052 99938", Hash, allowSynthetic: true).Identity!;
        Assert.Equal(TestMembers.SyntheticNin1952, identity.NationalIdentityNumber);
        Assert.Equal(TestMembers.SyntheticNin1952BirthDate, identity.BirthDate);
        Assert.Equal(Hash, identity.SubjectHash);
    }

    [Theory]
    [InlineData(ElectronicIdRefusal.PidMissing, "eid.pid-missing")]
    [InlineData(ElectronicIdRefusal.NumberOnAnotherPerson, "eid.number-on-another-person")]
    [InlineData(ElectronicIdRefusal.BirthDateDiffers, "eid.birth-date-differs")]
    public void Refusals_HaveTheCodesThePagesShowTextsFor(ElectronicIdRefusal refusal, string code) => Assert.Equal(code, refusal.Code());
}

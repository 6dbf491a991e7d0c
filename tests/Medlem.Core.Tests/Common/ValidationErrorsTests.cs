using Xunit;

namespace Medlem.Core.Tests.Common;

public class ValidationErrorsTests
{
    [Fact]
    public void Add_SameCodeTwice_IsKeptOnce()
    {
        var errors = new ValidationErrors();
        errors.Add("GivenName", "required");
        errors.Add("GivenName", "required");
        errors.Add("GivenName", "too-long");

        Assert.Equal(["required", "too-long"], errors.ByField["GivenName"]);
    }

    [Fact]
    public void Outcome_Missing_IsNotFoundAndNotSucceeded()
    {
        var outcome = Outcome<int>.Missing();

        Assert.True(outcome.NotFound);
        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Errors.IsEmpty);
    }

    [Fact]
    public void Outcome_Invalid_CarriesTheError()
    {
        var outcome = Outcome<int>.Invalid("Code", "code.duplicate");

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.NotFound);
        Assert.Equal(["code.duplicate"], outcome.Errors.ByField["Code"]);
    }
}

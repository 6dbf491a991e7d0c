using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Api;

public sealed class ConfigurationTests
{
    [Fact]
    public void Production_RefusesToStart_WhenSyntheticNationalIdentityNumbersAreAllowed()
    {
        // Skatteetaten's synthetic numbers are test data (docs/national-identity-number.md):
        // accepting them in production would let made-up identities pass as real ones.
        using var app = new MedlemApplication { Environment = "Production" };
        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("AllowSyntheticNationalIdentityNumbers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownDatabaseProvider_IsAClearStartupError()
    {
        using var app = new MedlemApplication();
        app.Settings["Medlem:Database:Provider"] = "Oracle";
        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }
}

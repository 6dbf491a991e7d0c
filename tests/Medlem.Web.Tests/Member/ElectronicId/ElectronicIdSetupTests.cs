using System.Net;
using Medlem.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.ElectronicId;

/// <summary>Electronic ID is off until configured, refuses an unsafe configuration, and opens exactly the pages strangers need.</summary>
public sealed class ElectronicIdSetupTests
{
    [Fact]
    public async Task WithoutConfiguration_ThereIsNoButton_AndEveryElectronicIdAddressIs404()
    {
        await using var app = new MedlemApplication();
        await TestConsortium.SeedAsync(app);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.DoesNotContain("elektronisk ID", await client.GetStringAsync("/logg-inn"), StringComparison.Ordinal);
        foreach (var url in new[] { "/elektronisk-id", "/elektronisk-id/feil?arsak=eid.failed", "/elektronisk-id/ukjent", "/elektronisk-id/callback" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/elektronisk-id/callback", new FormUrlEncodedContent([]))).StatusCode);
    }

    [Theory]
    [InlineData("http://idporten.example", "secret", "Testing")] // plain http away from this machine
    [InlineData("http://127.0.0.1:5000", "secret", "Production")] // a local provider outside development and tests
    [InlineData("https://idporten.example", "", "Testing")] // no client secret
    public void AnUnsafeOrHalfConfiguration_StopsTheStart(string authority, string secret, string environment)
    {
        using var app = new MedlemApplication { Environment = environment };
        app.Settings["Medlem:ElectronicId:Authority"] = authority;
        app.Settings["Medlem:ElectronicId:ClientId"] = "medlem";
        app.Settings["Medlem:ElectronicId:ClientSecret"] = secret;
        app.Settings["Medlem:Members:AllowSyntheticNationalIdentityNumbers"] = "false";

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("Medlem:ElectronicId", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheOnlyAnonymousElectronicIdAndGuardianPages_AreTheOnesStrangersNeed()
    {
        using var app = new MedlemApplication();
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p && (p.StartsWith("elektronisk-id", StringComparison.Ordinal) || p.StartsWith("foresatt", StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        // The callback (/elektronisk-id/callback) is no endpoint: the OpenID Connect handler answers it, checking state and nonce.
        Assert.Equal(["elektronisk-id", "elektronisk-id/feil", "elektronisk-id/ukjent", "foresatt/godkjenn"], anonymous);
    }
}

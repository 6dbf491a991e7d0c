using System.Net;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Core.Privacy;
using Medlem.Core.Privacy.DataMap;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Privacy;

/// <summary>
/// The privacy issue: the data map comes from the code, and the record of processing (GDPR
/// art. 30) and the members' privacy notice are generated from the same map, per library.
/// </summary>
public sealed class DataMapTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _consortium = null!;

    public async ValueTask InitializeAsync() => _consortium = await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryStoredCategory_HasPurposesLegalBasisAndRetention_InBothLanguages()
    {
        var map = await _app.WithDbAsync(db => Task.FromResult(DataMapBuilder.Build(db.Model)));
        var texts = _app.Services.GetRequiredService<JsonTexts>();

        // The fields the register is known to hold are in the map under their categories.
        Assert.Contains(map.Single(c => c.Category == MedlemTaxonomy.GovernmentId).Fields, f => f is { Entity: "Person", Property: "NationalIdentityNumber" });
        Assert.Contains(map.Single(c => c.Category == MedlemTaxonomy.Contact).Fields, f => f is { Entity: "ContactPoint", Property: "Value" });
        Assert.Contains(map.Single(c => c.Category == MedlemTaxonomy.PostalAddress).Fields, f => f.Property == "Street");

        var unmapped = map.Where(c => c.Activities.Count == 0).Select(c => c.Category).ToList();
        Assert.True(unmapped.Count == 0, "Categories without a purpose in DataMapRegistry: " + string.Join(", ", unmapped));
        foreach (var language in new[] { "nb", "en" })
        {
            var keys = texts.KeysOf(language).ToHashSet();
            var needed = map.Select(c => $"category.{c.Category}")
                .Concat(DataMapRegistry.Activities.SelectMany(a => new[] { $"datamap.activity.{a.Key}.name", $"datamap.activity.{a.Key}.purpose", $"datamap.basis.{a.LegalBasis}", $"datamap.retention.{a.Retention}" }
                    .Concat(a.Subjects.Select(s => $"datamap.subject.{s}")).Concat(a.Recipients.Select(r => $"datamap.recipient.{r}"))));
            Assert.DoesNotContain(needed, k => !keys.Contains(k));
        }
    }

    [Fact]
    public void ConsentBasedActivities_AreThoseTheIssueNamesAsConsents_AndNoActivityLacksABasis()
    {
        // Reading history, recommendations, newsletters, SMS and surveys rest on consent (art. 6(1)(a)); the
        // library's own tasks on public task or legal obligation. Contract (b) is not used by a public library.
        Assert.Equal(['a'], new[] { DataMapRegistry.Personalisation, DataMapRegistry.Communication }.Select(a => a.LegalBasis).Distinct());
        Assert.All(DataMapRegistry.Activities, a => Assert.Contains(a.LegalBasis, "ace"));
        Assert.All(DataMapRegistry.Activities.Where(a => a.LegalBasis is 'c' or 'e'), a => Assert.False(string.IsNullOrWhiteSpace(a.NationalLaw)));
    }

    [Fact]
    public async Task TheRecordOfProcessing_NamesTheControllerAndItsDpo_AndEveryActivity_AsPageJsonAndMarkdown()
    {
        var dpo = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.DataProtectionOfficer);
        var json = JsonDocument.Parse(await dpo.GetStringAsync("/Privacy/DataMap/Record?handler=Json", TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("Stavanger bibliotek", json.GetProperty("controller").GetString());
        Assert.Equal("964965226", json.GetProperty("organisationNumber").GetString());
        Assert.Equal("personvern@stavanger.example.org", json.GetProperty("dataProtectionOfficerEmail").GetString());
        var activities = json.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(DataMapRegistry.Activities.Select(a => a.Key), activities.Select(a => a.GetProperty("key").GetString()));

        // The national identity number is processed for the identity check only.
        var withNin = activities.Where(a => a.GetProperty("categories").EnumerateArray().Any(c => c.GetString() == "Fødselsnummer eller D-nummer")).ToList();
        Assert.Equal(["identity-check"], withNin.Select(a => a.GetProperty("key").GetString()));

        var markdown = await dpo.GetStringAsync("/Privacy/DataMap/Record?handler=Markdown", TestContext.Current.CancellationToken);
        Assert.StartsWith("# Protokoll over behandlingsaktiviteter (GDPR art. 30)", markdown, StringComparison.Ordinal);
        Assert.Contains("## Statistikk og brukerinnsikt", markdown, StringComparison.Ordinal);
        Assert.Contains("- Rettslig grunnlag: Samtykke (art. 6 nr. 1 a)", markdown, StringComparison.Ordinal);

        var page = await dpo.GetStringAsync("/Privacy/DataMap", TestContext.Current.CancellationToken);
        Assert.Contains("Person.NationalIdentityNumber", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Uten formål i datakartet", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrivacyNotice_IsPublic_PerLibrary_InBokmaalAndEnglish()
    {
        var anonymous = _app.CreateClient();
        var nb = await anonymous.GetStringAsync("/personvern/bergen", TestContext.Current.CancellationToken);
        Assert.Contains("Bergen offentlige bibliotek (org.nr. 964338531) er behandlingsansvarlig", nb, StringComparison.Ordinal);
        Assert.Contains("personvern@bergen.example.org", nb, StringComparison.Ordinal);
        Assert.Contains("Lånehistorikk og anbefalinger", nb, StringComparison.Ordinal);
        Assert.Contains("Datatilsynet", nb, StringComparison.Ordinal);
        Assert.DoesNotContain("Ansattes brukerkontoer", nb, StringComparison.Ordinal); // staff data is not the members' business

        var en = await anonymous.GetStringAsync("/personvern/bergen?ui-culture=en", TestContext.Current.CancellationToken);
        Assert.Contains("<h1>Privacy notice</h1>", en, StringComparison.Ordinal);
        Assert.Contains("have your information erased (art. 17)", en, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/personvern/nowhere", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task EveryEntityHoldingPersonalData_IsDecidedOnForAccessAndErasure()
    {
        var entities = await _app.WithDbAsync(db => Task.FromResult(DataMapBuilder.Build(db.Model).SelectMany(c => c.Fields).Select(f => f.Entity).Distinct().ToList()));
        Assert.Contains("Person", entities);
        var undecided = entities.Where(e => !PrivacyCoverage.Entities.ContainsKey(e)).ToList();
        Assert.True(undecided.Count == 0, "Decide in PrivacyCoverage how the access export and the erasure cover: " + string.Join(", ", undecided));

        // Nothing stale either: every entry names an entity that holds personal data.
        Assert.Empty(PrivacyCoverage.Entities.Keys.Except(entities));
    }
}

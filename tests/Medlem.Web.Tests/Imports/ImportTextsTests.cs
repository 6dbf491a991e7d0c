using System.Reflection;
using Medlem.Core.Activity;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Imports;

public sealed class ImportTextsTests
{
    [Fact]
    public async Task EveryImportReason_Kind_Format_State_AndChannel_HasATextInBothLanguages()
    {
        await using var app = new MedlemApplication();
        var texts = app.Services.GetRequiredService<JsonTexts>();
        // Every code of ImportReasons, including the profile's and the interrupted run's.
        var reasons = typeof(ImportReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Select(code => "import.reason." + code);
        var kinds = ImportKinds.Names.Select(name => "import.kind." + name);
        var formats = new[] { "medlem", "koha", "folio" }.Select(name => "import.format." + name);
        var states = Enum.GetNames<ImportState>().Select(name => "import.state." + name);
        var channels = ImportChannels.All.Select(name => "import.channel." + name);
        var expected = reasons.Concat(kinds).Concat(formats).Concat(states).Concat(channels).ToList();

        Assert.True(expected.Count > 25, "The reason codes were not found.");
        foreach (var language in new[] { "nb", "en" })
        {
            var missing = expected.Where(key => !texts.KeysOf(language).Contains(key)).ToList();
            Assert.True(missing.Count == 0, $"Missing in texts.{language}.json: " + string.Join(", ", missing));
        }
    }
}

using System.Net;
using System.Text;
using Medlem.Core.Activity;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Imports;

/// <summary>The Imports pages as an analyst of Stavanger uses them, through real HTTP, the real importer and a real DuckDB file.</summary>
public sealed class UploadPageTests() : ConsortiumTest(StaffRoles.Analyst)
{
    [Fact]
    public async Task Upload_MedlemCsv_AsAnalyst_RunsTheImport_AndShowsItInTheHistory()
    {
        var response = await ImportTestClient.UploadAsync(Staff, "loans", "utlan-november.csv", ImportFiles.StavangerLoansCsv);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = ImportTestClient.RunId(response);
        var run = await App.WithDbAsync(db => db.ImportRuns.SingleAsync(r => r.Id == id));
        Assert.Equal(Data.Stavanger.Id, run.LibraryId);
        Assert.Equal((ImportState.Completed, ImportKind.Loans, ImportFormat.Medlem, "web", "utlan-november.csv", "analyst.stavanger"),
            (run.State, run.Kind, run.Format, run.Channel, run.FileName, run.RunBy));
        // ImportFiles.StavangerLoansCsv: read 8, loaded 3, already there 1, rejected 4, unmatched 1, anonymous 1.
        Assert.Equal((8L, 3L, 1L, 4L, 1L, 1L), (run.RowsRead, run.RowsLoaded, run.RowsDuplicate, run.RowsRejected, run.RowsUnmatched, run.RowsAnonymous));
        Assert.Equal(Encoding.UTF8.GetByteCount(ImportFiles.StavangerLoansCsv), run.Bytes);

        var details = await Staff.GetStringAsync($"/Imports/Details/{id}");
        Assert.Contains("Importen er kjørt.", details, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"rows-read\">8</dd>", details, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"rows-loaded\">3</dd>", details, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"rows-rejected\">4</dd>", details, StringComparison.Ordinal);

        var history = await Staff.GetStringAsync("/Imports");
        Assert.Contains($"href=\"/Imports/Details/{id}\"", history, StringComparison.Ordinal);
        Assert.Contains("utlan-november.csv", history, StringComparison.Ordinal);
        Assert.Contains("Fullført", history, StringComparison.Ordinal);
        Assert.Contains("analyst.stavanger", history, StringComparison.Ordinal);
        Assert.Empty(KeptFiles());
    }

    [Fact]
    public async Task ErrorReport_DownloadsAsCsv_WithTheRejectedLines_InTheReadersLanguage()
    {
        var id = ImportTestClient.RunId(await ImportTestClient.UploadAsync(Staff, "loans", "utlan.csv", ImportFiles.StavangerLoansCsv));

        var response = await Staff.GetAsync($"/Imports/Details/{id}?handler=Errors");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        // Lines 5–8 of ImportFiles.StavangerLoansCsv, with the Bokmål reasons of texts.nb.json.
        Assert.Equal(
            [
                "Linje;Kolonne;Verdi;Årsak",
                "5;time;2026-13-01 09:00:00;ikke en dato eller et tidspunkt",
                "6;branch;nowhere;ukjent filialkode",
                "7;time;2026-12-24 12:00:00;en dato fram i tid",
                "8;type;borrow;ukjent utlånstype",
            ],
            Lines(bytes));

        var english = Lines(await Staff.GetByteArrayAsync($"/Imports/Details/{id}?handler=Errors&ui-culture=en"));
        Assert.Equal("Line;Column;Value;Reason", english[0]);
        Assert.Equal("5;time;2026-13-01 09:00:00;not a date or time", english[1]);
    }

    [Fact]
    public async Task DeskStaff_AreRefused_ThePagesAndTheUpload()
    {
        var desk = await StaffClient.LoginAsync(App, "stavanger", StaffRoles.Desk);
        var id = ImportTestClient.RunId(await ImportTestClient.UploadAsync(Staff, "loans", "utlan.csv", ImportFiles.StavangerLoansCsv));

        foreach (var url in new[] { "/Imports", "/Imports/Upload", $"/Imports/Details/{id}", $"/Imports/Details/{id}?handler=Errors", "/Imports/Keys" })
        {
            var response = await desk.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var form = new MultipartFormDataContent { { new StringContent("loans"), "Kind" }, { new ByteArrayContent("x"u8.ToArray()), "File", "x.csv" } };
        var upload = await desk.PostAsync("/Imports/Upload", form);
        Assert.Contains("/Account/Denied", upload.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task StaffOfAnotherLibrary_CannotSeeTheRun_ItsErrors_OrItsKeptFile()
    {
        var id = ImportTestClient.RunId(await ImportTestClient.UploadAsync(Staff, "loans", "sentrum.csv", ImportFiles.SentrumLoansCsv));
        Assert.Single(KeptFiles());
        var bergen = await StaffClient.LoginAsync(App, "bergen", StaffRoles.Analyst);

        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Imports/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Imports/Details/{id}?handler=Errors")).StatusCode);
        Assert.DoesNotContain("sentrum.csv", await bergen.GetStringAsync("/Imports"), StringComparison.Ordinal);
        foreach (var handler in new[] { "Rerun", "Discard" })
        {
            var post = await StaffClient.PostFormAsync(bergen, $"/Imports/Details/{id}?handler={handler}", [], formPage: "/Imports/Upload");
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Single(KeptFiles());
        Assert.Equal(1, await App.WithDbAsync(db => db.ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task FailedImport_KeepsItsFile_AndARerunCompletesIt_ThenTheFileIsDeleted()
    {
        var failedId = ImportTestClient.RunId(await ImportTestClient.UploadAsync(Staff, "loans", "sentrum.csv", ImportFiles.SentrumLoansCsv));
        var failed = await App.WithDbAsync(db => db.ImportRuns.SingleAsync(r => r.Id == failedId));
        Assert.Equal((ImportState.Failed, ImportReasons.OtherLibrary), (failed.State, failed.Failure));
        Assert.Single(KeptFiles());
        var page = await Staff.GetStringAsync($"/Imports/Details/{failedId}");
        Assert.Contains("Kjør importen på nytt", page, StringComparison.Ordinal);
        Assert.Contains("ingen filialkode i filen hører til dette biblioteket", page, StringComparison.Ordinal);

        // The branch is set up, then the kept file is run again.
        await App.WithDbAsync(async db =>
        {
            db.Branches.Add(new Branch { LibraryId = Data.Stavanger.Id, Code = "sentrum", Name = "Sentrum" });
            return await db.SaveChangesAsync();
        });
        var rerun = await StaffClient.PostFormAsync(Staff, $"/Imports/Details/{failedId}?handler=Rerun", [], formPage: $"/Imports/Details/{failedId}");

        Assert.Equal(HttpStatusCode.Redirect, rerun.StatusCode);
        var rerunId = ImportTestClient.RunId(rerun);
        Assert.NotEqual(failedId, rerunId);
        var runs = await App.WithDbAsync(db => db.ImportRuns.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(ImportState.Failed, runs[0].State);
        // ImportFiles.SentrumLoansCsv once "sentrum" exists: Kari's loan and an anonymous one.
        Assert.Equal((ImportState.Completed, "sentrum.csv", 2L, 2L, 0L, 1L), (runs[1].State, runs[1].FileName, runs[1].RowsRead, runs[1].RowsLoaded, runs[1].RowsRejected, runs[1].RowsAnonymous));
        Assert.Empty(KeptFiles());

        var again = await StaffClient.PostFormAsync(Staff, $"/Imports/Details/{failedId}?handler=Rerun", [], formPage: $"/Imports/Details/{failedId}");
        Assert.Equal($"/Imports/Details/{failedId}", again.Headers.Location!.OriginalString);
        Assert.Contains("Filen er ikke lenger lagret", await Staff.GetStringAsync($"/Imports/Details/{failedId}"), StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDbAsync(db => db.ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task KeptFile_CanBeDeleted_WithoutARerun()
    {
        var id = ImportTestClient.RunId(await ImportTestClient.UploadAsync(Staff, "loans", "sentrum.csv", ImportFiles.SentrumLoansCsv));
        Assert.Single(KeptFiles());

        var discard = await StaffClient.PostFormAsync(Staff, $"/Imports/Details/{id}?handler=Discard", [], formPage: $"/Imports/Details/{id}");

        Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        Assert.Empty(KeptFiles());
        Assert.DoesNotContain("Kjør importen på nytt", await Staff.GetStringAsync($"/Imports/Details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithAMappingProfile_ReadsTheLibrarysOwnColumnsAndBranchCodes()
    {
        // Excel's Norwegian CSV: semicolons, the library's own headings and branch code HB for "hoved".
        const string csv = "Tidspunkt;Filial;Lånenummer\n10.11.2026 09:00;HB;STAV0001\n10.11.2026 10:00;HB;\n";
        const string profile = """{ "columns": { "time": "Tidspunkt", "branch": "Filial", "card_number": "Lånenummer" }, "branches": { "HB": "hoved" } }""";

        var id = ImportTestClient.RunId(await ImportTestClient.UploadAsync(Staff, "loans", "eksport.csv", csv, profileJson: profile));

        var run = await App.WithDbAsync(db => db.ImportRuns.SingleAsync(r => r.Id == id));
        Assert.Equal((ImportState.Completed, 2L, 2L, 0L, 1L), (run.State, run.RowsRead, run.RowsLoaded, run.RowsRejected, run.RowsAnonymous));
    }

    [Fact]
    public async Task Upload_WithAnInvalidProfile_OrNoFile_ShowsTheFormAgain_AndStoresNothing()
    {
        var badProfile = await ImportTestClient.UploadAsync(Staff, "loans", "utlan.csv", ImportFiles.StavangerLoansCsv, profileJson: """{ "kolonner": {} }""");
        Assert.Equal(HttpStatusCode.OK, badProfile.StatusCode);
        Assert.Contains("tilpasningsprofilen er ikke gyldig JSON for en profil", await badProfile.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badZone = await ImportTestClient.UploadAsync(Staff, "loans", "utlan.csv", ImportFiles.StavangerLoansCsv, profileJson: """{ "timeZone": "Europe/Atlantis" }""");
        Assert.Contains("Profilens tidssone er ukjent.", await badZone.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noFile = await ImportTestClient.UploadAsync(Staff, "loans", "", "");
        Assert.Contains("Velg en fil.", await noFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noKind = await ImportTestClient.UploadAsync(Staff, "books", "utlan.csv", ImportFiles.StavangerLoansCsv);
        Assert.Contains("Velg hva filen inneholder.", await noKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await App.WithDbAsync(db => db.ImportRuns.CountAsync()));
        Assert.Empty(KeptFiles());
    }

    [Fact]
    public async Task Upload_WithoutAValidAntiforgeryToken_IsRefused_AndStoresNothing()
    {
        using var noToken = new MultipartFormDataContent
        {
            { new StringContent("loans"), "Kind" }, { new StringContent("medlem"), "Format" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ImportFiles.StavangerLoansCsv)), "File", "utlan.csv" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PostAsync("/Imports/Upload", noToken)).StatusCode);

        using var forged = new MultipartFormDataContent
        {
            { new StringContent("CfDJ8-forged"), "__RequestVerificationToken" }, { new StringContent("loans"), "Kind" },
            { new StringContent("medlem"), "Format" }, { new ByteArrayContent(Encoding.UTF8.GetBytes(ImportFiles.StavangerLoansCsv)), "File", "utlan.csv" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PostAsync("/Imports/Upload", forged)).StatusCode);

        Assert.Equal(0, await App.WithDbAsync(db => db.ImportRuns.CountAsync()));
        Assert.Empty(KeptFiles());
    }

    private string[] KeptFiles()
    {
        var folder = Path.Combine(App.DataDirectory, "imports");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.upload") : [];
    }

    private static string[] Lines(byte[] csv) =>
        new UTF8Encoding(false).GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}

using System.Globalization;
using System.Text.Json;
using Medlem.Core.Members.MyPage;
using Medlem.Web.Features.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Medlem.Web.Features.Member.MyPage;

/// <summary>
/// My data: everything the member's libraries hold about them as a readable page, the whole of
/// it as JSON, each library's portability package (JSON and CSV), their requests with due date
/// and status, and the ways to correct or ask. The member's own reads are not staff reads, so
/// nothing is written to the audit trail.
/// </summary>
public sealed class MyDataModel(MyData data, MyRequests requests, MyMemberships memberships, TimeProvider clock) : MemberPageModel
{
    public MyDataDocument Document { get; private set; } = null!;

    public IReadOnlyList<MyMembership> Memberships { get; private set; } = [];

    public IReadOnlyList<MyRequest> Requests { get; private set; } = [];

    public TimeProvider Clock => clock;

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Document = await data.RunAsync(Member.PersonId, ct);
        Memberships = await memberships.ListAsync(Member.PersonId, ct);
        Requests = await requests.ListAsync(Member.PersonId, ct);
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        File(JsonSerializer.SerializeToUtf8Bytes(await data.RunAsync(Member.PersonId, ct), PrivacyFiles.Json), PrivacyFiles.JsonType, FileName("mine-data", "json"));

    /// <summary>One library's portability package; another library's code is not found.</summary>
    public async Task<IActionResult> OnGetPortabilityAsync(string? bibliotek, CancellationToken ct) =>
        await data.OfLibraryAsync(Member.PersonId, bibliotek ?? "", ct) is { } export
            ? File(PrivacyFiles.PortabilityZip(export), PrivacyFiles.ZipType, FileName("dataportabilitet-" + export.Controller.Code, "zip"))
            : NotFound();

    /// <summary>The type's name in the reader's language, from the membership the export names by code.</summary>
    public string TypeName(Guid membershipId, string code) =>
        Memberships.FirstOrDefault(m => m.Id == membershipId)?.Type.Name(Language) ?? code;

    /// <summary>An instant as the export's sections hold it (ISO 8601, UTC) in the library's time, or as it is when it is not one.</summary>
    public string Since(string? instant) =>
        DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? MyPageFormat.Instant(at, clock) : instant ?? "";

    /// <summary>No name in the file name: it ends up in download folders and mail attachments.</summary>
    private string FileName(string what, string extension) =>
        $"{what}-{clock.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
}

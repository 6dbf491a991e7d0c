using System.Globalization;
using System.Text;
using Medlem.Core.Consortium;
using Medlem.Core.Privacy.DataMap;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy.DataMap;

/// <summary>One processing activity of the record, in the reader's language.</summary>
public sealed record RecordActivity(
    string Key, string Name, string Purpose, string LegalBasis, string? NationalLaw, string DataSubjects,
    IReadOnlyList<string> Categories, string Recipients, string ThirdCountries, string Retention);

/// <summary>
/// The record of processing activities (GDPR art. 30(1)) of one library as controller, written
/// from the data map: the controller and its data protection officer, and for every activity its
/// purpose, legal basis, data subjects, categories of data (those the code actually stores),
/// recipients, transfers and retention; then the security measures.
/// </summary>
public sealed record RecordOfProcessing(
    string Controller, string OrganisationNumber, string Municipality, string DataProtectionOfficer, string DataProtectionOfficerEmail,
    DateOnly Made, IReadOnlyList<RecordActivity> Activities, IReadOnlyList<string> SecurityMeasures)
{
    private static readonly string[] Measures = ["encryption", "pseudonyms", "access", "suppression", "audit", "logs"];

    public static RecordOfProcessing Build(Library library, IReadOnlyList<DataMapCategory> map, IStringLocalizer texts, DateOnly today) => new(
        library.Name, library.OrganisationNumber, library.Municipality, library.DataProtectionOfficerName, library.DataProtectionOfficerEmail, today,
        [.. DataMapBuilder.ByActivity(map).Select(x => Activity(x.Activity, x.Categories, texts))],
        [.. Measures.Select(m => texts[$"datamap.record.security.{m}"].Value)]);

    public static RecordActivity Activity(ProcessingActivity a, IReadOnlyList<DataMapCategory> categories, IStringLocalizer texts) => new(
        a.Key,
        texts[$"datamap.activity.{a.Key}.name"],
        texts[$"datamap.activity.{a.Key}.purpose"],
        texts[$"datamap.basis.{a.LegalBasis}"],
        a.NationalLaw,
        string.Join(", ", a.Subjects.Select(s => texts[$"datamap.subject.{s}"].Value)),
        [.. categories.Select(c => texts[$"category.{c.Category}"].Value)],
        a.Recipients.Count == 0 ? texts["datamap.record.none"] : string.Join("; ", a.Recipients.Select(r => texts[$"datamap.recipient.{r}"].Value)),
        texts["datamap.record.none"],
        texts[$"datamap.retention.{a.Retention}"]);

    public string ToMarkdown(IStringLocalizer texts)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(texts["datamap.record.title"]).AppendLine();
        md.Append("- ").Append(texts["datamap.record.controller"]).Append(": ").Append(Controller).Append(", ").AppendLine(Municipality);
        md.Append("- ").Append(texts["datamap.record.orgno"]).Append(": ").AppendLine(OrganisationNumber);
        md.Append("- ").Append(texts["datamap.record.dpo"]).Append(": ").Append(DataProtectionOfficer).Append(", ").AppendLine(DataProtectionOfficerEmail);
        md.Append("- ").Append(texts["datamap.record.generated"]).Append(": ").AppendLine(Made.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).AppendLine();
        foreach (var a in Activities)
        {
            md.Append("## ").AppendLine(a.Name).AppendLine();
            md.Append("- ").Append(texts["datamap.record.purpose"]).Append(": ").AppendLine(a.Purpose);
            md.Append("- ").Append(texts["datamap.legal-basis"]).Append(": ").Append(a.LegalBasis).AppendLine(a.NationalLaw is null ? "" : $"; {a.NationalLaw}");
            md.Append("- ").Append(texts["datamap.subjects"]).Append(": ").AppendLine(a.DataSubjects);
            md.Append("- ").Append(texts["datamap.record.categories"]).Append(": ").AppendLine(string.Join(", ", a.Categories));
            md.Append("- ").Append(texts["datamap.recipients"]).Append(": ").AppendLine(a.Recipients);
            md.Append("- ").Append(texts["datamap.record.third-countries"]).Append(": ").AppendLine(a.ThirdCountries);
            md.Append("- ").Append(texts["datamap.retention"]).Append(": ").AppendLine(a.Retention).AppendLine();
        }

        md.Append("## ").AppendLine(texts["datamap.record.security"]).AppendLine();
        foreach (var m in SecurityMeasures)
        {
            md.Append("- ").AppendLine(m);
        }

        return md.ToString();
    }
}

using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Admin;

/// <summary>The administrator's library's membership types: who may hold each and what it gives.</summary>
public sealed class MembershipTypesModel(MedlemDbContext db, ConsortiumCommands commands, IStringLocalizer<Program> texts) : AdminPageModel(texts)
{
    public IReadOnlyList<MembershipType> Types { get; private set; } = [];
    public IReadOnlyList<MembershipBenefits> AllBenefits { get; } = BenefitList((MembershipBenefits)0xFF);

    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [BindProperty] public MembershipTypeForm Form { get; set; } = new();
    [BindProperty] public List<MembershipBenefits> Benefits { get; set; } = [];

    public static IReadOnlyList<MembershipBenefits> BenefitList(MembershipBenefits benefits) =>
        Enum.GetValues<MembershipBenefits>().Where(b => b != MembershipBenefits.None && benefits.HasFlag(b)).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is { } id)
        {
            var type = Types.SingleOrDefault(t => t.Id == id);
            if (type is null)
            {
                return NotFound();
            }

            Form = MembershipTypeForm.From(type);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Form.Benefits = Benefits.Aggregate(MembershipBenefits.None, (all, b) => all | b);
        var outcome = await commands.SaveMembershipTypeAsync(HttpContext.Staff().LibraryId, Edit, Form.ToInput(), ct);
        return await AfterSaveAsync(outcome, "Form", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        Types = await db.MembershipTypes.AsNoTracking().Where(t => t.LibraryId == libraryId).OrderBy(t => t.Code).ToListAsync(ct);
    }
}

/// <summary>The fields of a membership type, as edited on the page.</summary>
public sealed class MembershipTypeForm
{
    public string? Code { get; set; }
    public string? NameNb { get; set; }
    public string? NameEn { get; set; }
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public VerificationLevel RequiredVerification { get; set; } = VerificationLevel.IdentityCheckedAtDesk;
    public MembershipBenefits Benefits { get; set; }
    public bool ForInstitutions { get; set; }
    public bool Active { get; set; } = true;

    public MembershipTypeInput ToInput() => new()
    {
        Code = Code, NameNb = NameNb, NameEn = NameEn, MinAge = MinAge, MaxAge = MaxAge, RequiredVerification = RequiredVerification,
        Benefits = Benefits, ForInstitutions = ForInstitutions, Active = Active,
    };

    public static MembershipTypeForm From(MembershipType t) => new()
    {
        Code = t.Code, NameNb = t.NameNb, NameEn = t.NameEn, MinAge = t.MinAge, MaxAge = t.MaxAge, RequiredVerification = t.RequiredVerification,
        Benefits = t.Benefits, ForInstitutions = t.ForInstitutions, Active = t.Active,
    };
}

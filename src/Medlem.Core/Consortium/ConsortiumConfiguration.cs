using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Consortium;

internal sealed class LibraryConfiguration : IEntityTypeConfiguration<Library>
{
    public void Configure(EntityTypeBuilder<Library> library)
    {
        library.HasIndex(l => l.Code).IsUnique();
        library.Property(l => l.Code).HasMaxLength(32);
        library.Property(l => l.Name).HasMaxLength(200);
        library.Property(l => l.OrganisationNumber).HasMaxLength(9);
        library.Property(l => l.Municipality).HasMaxLength(100);
        library.Property(l => l.DataProtectionOfficerName).HasMaxLength(200);
        library.Property(l => l.DataProtectionOfficerEmail).HasMaxLength(254);
        library.HasOne(l => l.ParentLibrary).WithMany().HasForeignKey(l => l.ParentLibraryId).OnDelete(DeleteBehavior.Restrict);
        library.HasMany(l => l.Branches).WithOne().HasForeignKey(b => b.LibraryId);
    }
}

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> branch)
    {
        branch.HasIndex(b => new { b.LibraryId, b.Code }).IsUnique();
        branch.Property(b => b.Code).HasMaxLength(32);
        branch.Property(b => b.Name).HasMaxLength(200);
    }
}

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> staff)
    {
        staff.HasIndex(s => s.UserName).IsUnique();
        staff.Property(s => s.UserName).HasMaxLength(100);
        staff.Property(s => s.DisplayName).HasMaxLength(200);
        staff.Property(s => s.PasswordHash).HasMaxLength(200);
        staff.HasOne(s => s.Library).WithMany().HasForeignKey(s => s.LibraryId).OnDelete(DeleteBehavior.Restrict);
    }
}

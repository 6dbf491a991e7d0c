using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Medlem.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SharingRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SharingRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerLibraryId = table.Column<int>(type: "integer", nullable: false),
                    RecipientLibraryId = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharingRules_Libraries_OwnerLibraryId",
                        column: x => x.OwnerLibraryId,
                        principalTable: "Libraries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SharingRules_Libraries_RecipientLibraryId",
                        column: x => x.RecipientLibraryId,
                        principalTable: "Libraries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SharingRules_OwnerLibraryId",
                table: "SharingRules",
                column: "OwnerLibraryId");

            migrationBuilder.CreateIndex(
                name: "IX_SharingRules_RecipientLibraryId_OwnerLibraryId",
                table: "SharingRules",
                columns: new[] { "RecipientLibraryId", "OwnerLibraryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SharingRules");
        }
    }
}

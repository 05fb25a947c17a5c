import type { Metadata } from "next";
import Link from "next/link";
import { requireEditor } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db";
import { accuracyByField } from "@/lib/intake/accuracy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Drafter accuracy" };

const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

export default async function IntakeAccuracyPage() {
  await requireEditor("/admin/intake/accuracy");
  const report = await accuracyByField(prisma);
  return (
    <>
      <div className="page-heading">
        <h1>How often editors change the drafts</h1>
        <p>
          For every draft accepted from an article, Demarche keeps what the drafter proposed next to what the editor
          saved. The share of accepted drafts in which each field was changed is below; the lower, the better the
          drafter. Discarded drafts are not counted. The same figures: <code>npm run intake:accuracy</code>.
        </p>
        <p>
          <Link href="/admin/intake">Draft from an article</Link>
        </p>
      </div>
      {report.records === 0 ? (
        <p>No draft has been accepted yet.</p>
      ) : (
        <>
          <p>
            {report.records} accepted {report.records === 1 ? "draft" : "drafts"}; {report.unchanged} saved exactly as proposed (
            {percent.format(report.unchanged / report.records)}).
          </p>
          <div className="table-scroll">
            <table className="accuracy-table">
              <caption className="visually-hidden">Changes per field</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Changed</th>
                  <th scope="col">Share</th>
                </tr>
              </thead>
              <tbody>
                {report.fields.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{f.label}</th>
                    <td className="number">
                      {f.changed} of {f.total}
                    </td>
                    <td className="number">{percent.format(f.changedShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

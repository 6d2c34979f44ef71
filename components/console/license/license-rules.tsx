import { Card } from "../../ui/card";
import { ActionForm, FieldInput, FormField } from "../action-form";
import { CopyButton } from "../copy-button";
import { fmtDateTime } from "../format";
import { issueTokenKeysAction, setActivationPasswordAction, updateRulesAction } from "@/app/console/licenses/[id]/rules/actions";
import type { TTokenKeyDto } from "@/lib/rules/issue-token-keys";

type TRules = {
  kind: string;
  evaluationDays: number | null;
  overrides: { goodwillSeats: number | null; deactivationCooldownHours: number | null; checkInIntervalDays: number | null; entitlements: string[] };
  effective: { goodwillSeats: number; deactivationCooldownHours: number; checkInIntervalDays: number | null };
};

type TPolicyRules = { goodwillSeats: number; deactivationCooldownHours: number; checkInIntervalDays: number | null; entitlements: string[] };

const inherit = (value: number | null | string) => `Empty: the policy's (${value === null || value === "" ? "off" : value}).`;

/** Per-license overrides of the policy's seat rules, the activation password and token keys. */
export function LicenseRules({
  licenseId,
  model,
  rules,
  policy,
  passwordSet,
  tokenKeys,
  seatLimit,
  canEdit,
}: {
  licenseId: string;
  model: string;
  rules: TRules;
  policy: TPolicyRules;
  passwordSet: boolean;
  tokenKeys: TTokenKeyDto[];
  seatLimit: number;
  canEdit: boolean;
}) {
  const o = rules.overrides;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Seat rules" className="lg:col-span-2">
        <p className="mb-3 text-xs text-slate-500">
          In effect: {rules.kind === "EVALUATION" ? `evaluation (${rules.evaluationDays ?? "?"} days, one seat) · ` : ""}
          goodwill {rules.effective.goodwillSeats} · cooldown {rules.effective.deactivationCooldownHours} h · check-in{" "}
          {rules.effective.checkInIntervalDays ? `every ${rules.effective.checkInIntervalDays} days` : "off"}
          {model === "FLOATING" ? " · floating: no goodwill seats and no cooldown" : ""}
        </p>
        {canEdit ? (
          <ActionForm action={updateRulesAction} submitLabel="Save rules" testId="license-rules-form">
            <input type="hidden" name="id" value={licenseId} />
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField name="goodwillSeats" label="Goodwill seats" hint={inherit(policy.goodwillSeats)}>
                <FieldInput name="goodwillSeats" type="number" min={0} defaultValue={o.goodwillSeats ?? ""} />
              </FormField>
              <FormField name="deactivationCooldownHours" label="Deactivation cooldown (hours)" hint={inherit(policy.deactivationCooldownHours)}>
                <FieldInput name="deactivationCooldownHours" type="number" min={0} defaultValue={o.deactivationCooldownHours ?? ""} />
              </FormField>
              <FormField name="checkInIntervalDays" label="Check-in interval (days)" hint={inherit(policy.checkInIntervalDays)}>
                <FieldInput name="checkInIntervalDays" type="number" min={1} defaultValue={o.checkInIntervalDays ?? ""} />
              </FormField>
              <FormField
                name="entitlements"
                label="Extra entitlements"
                hint={`Comma-separated; added to the policy's (${policy.entitlements.join(", ") || "none"}).`}
              >
                <FieldInput name="entitlements" defaultValue={o.entitlements.join(", ")} maxLength={2000} />
              </FormField>
            </div>
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-700">Entitlements: {[...new Set([...policy.entitlements, ...o.entitlements])].join(", ") || "none"}</p>
        )}
      </Card>
      <Card title="Activation password">
        <p className="mb-3 text-sm text-slate-600" data-testid="activation-password-state">
          {passwordSet ? "Set: new devices must send it (activationPassword)." : "Not set: any device with the key can activate."}
        </p>
        {canEdit ? (
          <div className="space-y-3">
            <ActionForm action={setActivationPasswordAction} submitLabel={passwordSet ? "Change password" : "Set password"} resetOnSuccess testId="activation-password-form">
              <input type="hidden" name="id" value={licenseId} />
              <input type="hidden" name="intent" value="set" />
              <FormField name="activationPassword" label="New activation password" hint="Stored hashed; give it to the customer.">
                <FieldInput name="activationPassword" type="password" autoComplete="new-password" maxLength={256} />
              </FormField>
            </ActionForm>
            {passwordSet ? (
              <ActionForm action={setActivationPasswordAction} submitLabel="Remove password" variant="secondary" inline>
                <input type="hidden" name="id" value={licenseId} />
                <input type="hidden" name="intent" value="clear" />
              </ActionForm>
            ) : null}
          </div>
        ) : null}
      </Card>
      <Card title="Token keys" className="lg:col-span-3">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">
            Single-use keys, one per seat: each activates exactly one device, ever, and draws from the license&apos;s seats.
          </p>
          {canEdit && tokenKeys.length < seatLimit ? (
            <ActionForm action={issueTokenKeysAction} submitLabel={tokenKeys.length ? `Issue ${seatLimit - tokenKeys.length} more` : seatLimit === 1 ? "Issue 1 token key" : `Issue ${seatLimit} token keys`} inline testId="issue-token-keys">
              <input type="hidden" name="id" value={licenseId} />
            </ActionForm>
          ) : null}
        </div>
        {tokenKeys.length === 0 ? (
          <p className="text-sm text-slate-500">No token keys issued.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="token-keys">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 font-medium">Token key</th>
                <th className="py-1 font-medium">Device</th>
                <th className="py-1 font-medium">Used</th>
              </tr>
            </thead>
            <tbody>
              {tokenKeys.map((t) => (
                <tr key={t.id} className="border-t border-slate-100">
                  <td className="py-1.5">
                    <span className="flex items-center gap-2">
                      <code className="font-mono text-xs">{t.key}</code>
                      <CopyButton value={t.key} label="Copy" />
                    </span>
                  </td>
                  <td className="py-1.5 font-mono text-xs text-slate-700">{t.fingerprint ?? <span className="text-green-700">unused</span>}</td>
                  <td className="py-1.5 text-slate-600">{t.usedAt ? fmtDateTime(t.usedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

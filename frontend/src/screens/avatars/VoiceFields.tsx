// Language, voice, rate and pitch, with the limits of the contract schema they are sent as
// (`Voice` for a model, `ModelPreview.voice` for a preview) and the API's complaints beside each.
import { useEffect, useState } from "react";
import type { ApiError } from "../../api/problem";
import { FieldErrors } from "../../components/ErrorView";
import { useStrings } from "../../i18n/i18n";
import { limitsIn, loadContract, type NumberLimits } from "./limits";
import strings from "./strings";

export interface VoiceDraft {
  language: string;
  voice: string;
  rate: string;
  pitch: string;
}

export const EMPTY_VOICE: VoiceDraft = { language: "", voice: "", rate: "", pitch: "" };

/** The draft as a JSON voice: blank fields left out, numbers as numbers. */
export function voiceBody(draft: VoiceDraft): { language?: string; voice?: string; rate?: number; pitch?: number } {
  const out: { language?: string; voice?: string; rate?: number; pitch?: number } = {};
  if (draft.language.trim()) out.language = draft.language.trim();
  if (draft.voice.trim()) out.voice = draft.voice.trim();
  if (draft.rate.trim() && Number.isFinite(Number(draft.rate))) out.rate = Number(draft.rate);
  if (draft.pitch.trim() && Number.isFinite(Number(draft.pitch))) out.pitch = Number(draft.pitch);
  return out;
}

export function draftOf(voice: Record<string, unknown> | undefined): VoiceDraft {
  const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  return { language: text(voice?.language), voice: text(voice?.voice), rate: text(voice?.rate), pitch: text(voice?.pitch) };
}

function useLimits(schema: readonly string[]): { rate: NumberLimits; pitch: NumberLimits } {
  const [limits, setLimits] = useState<{ rate: NumberLimits; pitch: NumberLimits }>({ rate: {}, pitch: {} });
  const key = schema.join("/");
  useEffect(() => {
    let live = true;
    void loadContract().then((doc) => {
      if (live) setLimits({ rate: limitsIn(doc, [...schema, "rate"]), pitch: limitsIn(doc, [...schema, "pitch"]) });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return limits;
}

export interface VoiceFieldsProps {
  id: string;
  value: VoiceDraft;
  onChange: (value: VoiceDraft) => void;
  /** Where the voice is in the contract: ["Voice"] or ["ModelPreview", "voice"]. */
  schema: readonly string[];
  pitchHelp: string;
  error?: ApiError | null;
  disabled?: boolean;
}

export function VoiceFields({ id, value, onChange, schema, pitchHelp, error, disabled }: VoiceFieldsProps) {
  const s = useStrings(strings);
  const limits = useLimits(schema);
  const set = (name: keyof VoiceDraft) => (e: { target: { value: string } }) => onChange({ ...value, [name]: e.target.value });
  const field = (name: keyof VoiceDraft, label: string, help: string, input: NumberLimits | null) => {
    const errors = error ? error.at(`/voice/${name}`) : [];
    const inputId = `${id}-${name}`;
    return (
      <label className="field" htmlFor={inputId}>
        <span>{label}</span>
        <input
          id={inputId}
          type={input ? "number" : "text"}
          inputMode={input ? "decimal" : undefined}
          min={input?.min}
          max={input?.max}
          step={input ? (input.integer ? 1 : 0.05) : undefined}
          placeholder={input?.default !== undefined ? String(input.default) : undefined}
          value={value[name]}
          onChange={set(name)}
          disabled={disabled}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={`${inputId}-help${errors.length ? ` ${inputId}-errors` : ""}`}
          spellCheck={false}
        />
        <small id={`${inputId}-help`} className="help">
          {help}
        </small>
        <FieldErrors errors={errors} id={`${inputId}-errors`} />
      </label>
    );
  };
  return (
    <div className="voice-fields">
      {field("language", s.language, s.languageHelp, null)}
      {field("voice", s.voiceId, s.voiceHelp, null)}
      {field("rate", s.rate, s.rateHelp, limits.rate)}
      {field("pitch", s.pitch, pitchHelp, limits.pitch)}
    </div>
  );
}

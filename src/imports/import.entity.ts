import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportRowError {
  /** The spreadsheet row number (the header is row 1). 0 for an error about the whole file. */
  row: number;
  /** The Chinese column header, or `文件` for the whole file. */
  field: string;
  message: string;
}

/**
 * A roster upload and its progress (DESIGN.md "Domain": Import). The file itself is kept in the
 * row (bytea, at most UPLOAD_LIMIT_BYTES), so the worker needs nothing but PostgreSQL to run it
 * and a retried job reads the same bytes.
 */
@Entity('import')
@Check('chk_import_status', "status IN ('queued', 'running', 'done', 'failed')")
// GET /imports/:id is by primary key; the officer's own imports, newest first
@Index('idx_import_created_by', ['createdBy', 'createdAt'])
export class Import {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  mime!: string;

  /** `xlsx` or `csv`, decided from the name and the first bytes at upload. */
  @Column({ type: 'varchar', length: 8 })
  format!: 'xlsx' | 'csv';

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ type: 'varchar', length: 8, default: 'queued' })
  status!: ImportStatus;

  /** Data rows in the file (known once the file is read). */
  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  failed!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  /** At most IMPORT_MAX_ERRORS entries; `failed` keeps counting beyond. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: ImportRowError[];

  /** Why the whole import failed (corrupt file, too many rows, missing columns). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  message!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

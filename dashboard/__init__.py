"""The Streamlit dashboard: filters, figures, exports and evidence as plain functions; app.py lays them out."""
